declare module 'webvtt-parser' {
  export type ParsedCue = { id: string; startTime: number; endTime: number; text: string };
  export type ParseError = { message: string; line: number; col?: number };
  export class WebVTTParser {
    parse(
      input: string,
      mode?: 'metadata' | 'chapters',
    ): { cues: ParsedCue[]; errors: ParseError[] };
  }
  /** A CommonJS module whose exports Node cannot name statically: import the default. */
  const webvtt: { WebVTTParser: typeof WebVTTParser };
  export default webvtt;
}
