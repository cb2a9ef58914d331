declare module 'webvtt-parser' {
  export type ParsedCue = { id: string; startTime: number; endTime: number; text: string };
  export type ParseError = { message: string; line: number; col?: number };
  export class WebVTTParser {
    parse(
      input: string,
      mode?: 'metadata' | 'chapters',
    ): { cues: ParsedCue[]; errors: ParseError[] };
  }
}
