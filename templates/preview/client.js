// parallel-press preview: live reload. Only the preview page loads this script; the print
// document that Chromium turns into the PDF never runs JavaScript.
(() => {
  const VERSION = 'meta[name="parallel-press-preview"]';
  let version = document.querySelector(VERSION)?.getAttribute('content');

  /** The head as markup, minus the version: when it differs, styles or page size changed. */
  const headOf = (doc) => {
    const head = doc.head.cloneNode(true);
    head.querySelector(VERSION)?.remove();
    return head.innerHTML;
  };

  /**
   * Puts the new body in place: only the chapters that changed when the page has the same parts
   * (a long book lays out again only where the text moved), the whole body otherwise. Fonts stay
   * loaded and the reader keeps their place.
   */
  function patchBody(next) {
    const now = [...document.body.children];
    const then = [...next.body.children];
    const sameParts =
      now.length === then.length &&
      now.every((part, i) => part.tagName === then[i].tagName && part.id === then[i].id) &&
      document.body.getAttributeNames().every((name) => document.body.getAttribute(name) === next.body.getAttribute(name));
    if (!sameParts) {
      document.body.replaceWith(document.adoptNode(next.body));
      return;
    }
    now.forEach((part, i) => {
      if (!part.isEqualNode(then[i])) part.replaceWith(document.adoptNode(then[i]));
    });
  }

  async function update(reload) {
    if (!reload) {
      const response = await fetch(location.pathname, { cache: 'no-store' });
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      if (headOf(next) === headOf(document)) {
        version = next.querySelector(VERSION)?.getAttribute('content');
        patchBody(next);
        return;
      }
    }
    const scroll = window.scrollY;
    sessionStorage.setItem('parallel-press-scroll', String(scroll));
    location.reload();
  }

  const saved = sessionStorage.getItem('parallel-press-scroll');
  if (saved !== null) {
    sessionStorage.removeItem('parallel-press-scroll');
    window.addEventListener('load', () => window.scrollTo(0, Number(saved)), { once: true });
  }

  let updating = Promise.resolve();
  const events = new EventSource('/__preview/events');
  events.addEventListener('version', (event) => {
    const announced = JSON.parse(event.data);
    updating = updating.then(() => (announced.version === version ? undefined : update(announced.reload))).catch(() => location.reload());
  });
})();
