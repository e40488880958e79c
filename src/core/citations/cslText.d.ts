// CSL style files are bundled as text (esbuild `text` loader; a Vite plugin in tests).
declare module '*.csl' {
  const xml: string;
  export default xml;
}
