// The `hyphen` package ships no types (and is CommonJS); only the synchronous English hyphenator is used.
declare module 'hyphen/en/index.js' {
  const hyphen: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number; exceptions?: string[] }): string };
  export default hyphen;
}
