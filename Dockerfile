# parallel-press in a container: Debian bookworm, Node 20, Chromium, the Noto fonts, Java +
# EPUBCheck, poppler, qpdf and Ghostscript. Build a book mounted at /book:
#   docker build -t parallel-press .
#   docker run --rm -v "$PWD/my-book:/book" parallel-press build . --edition print
FROM node:20-bookworm-slim

ENV DEBIAN_FRONTEND=noninteractive \
    PUPPETEER_SKIP_DOWNLOAD=true

# Every system package scripts/setup checks for, in one cached layer (test/ci-recipes.test.ts keeps
# this list and the script's in step); setup below then finds them all and installs nothing more.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      chromium fontconfig fonts-noto-core fonts-khmeros poppler-utils qpdf ghostscript \
      default-jre-headless epubcheck \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/parallel-press
COPY package.json package-lock.json tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY templates ./templates
COPY README.md ./
# The same setup as on a workstation or a CI runner: checks the system, installs the npm packages,
# compiles dist/. The development packages are dropped afterwards.
RUN bash scripts/setup \
 && npm prune --omit=dev --no-audit --no-fund \
 && ln -s /opt/parallel-press/dist/cli.js /usr/local/bin/parallel-press

WORKDIR /book
ENTRYPOINT ["parallel-press"]
CMD ["build", "."]
