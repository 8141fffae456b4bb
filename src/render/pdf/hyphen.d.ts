// The `hyphen` package ships no types; only its Russian patterns are used (see hyphenate.ts).
declare module 'hyphen/ru/index.js' {
  interface Options {
    hyphenChar?: string;
    minWordLength?: number;
    exceptions?: string[];
  }
  const ru: { hyphenateSync(text: string, options?: Options): string };
  export default ru;
}
