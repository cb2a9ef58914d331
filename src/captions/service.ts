import type { CurrentUser } from '@/platform/auth/auth';
import { recordAudit } from '@/platform/audit/audit';
import type { Db } from '@/platform/db/types';
import { HttpError, invalidFields, notFound } from '@/platform/http/errors';
import { managedRecording } from '@/recordings';
import {
  MAX_CUE_CHARS,
  MAX_CUES,
  parseCaptions,
  type CaptionFormat,
  type CaptionProblem,
} from './parse';
import { deleteCaptions, replaceCaptions } from './queries';
import { CAPTIONS_MAX_SIZE } from './limits';

export { CAPTIONS_MAX_BYTES, CAPTIONS_MAX_SIZE } from './limits';

/** The refusal of a captions file over the limit, in the reader's language. */
export function captionsTooLarge(): HttpError {
  return new HttpError(
    'payload_too_large',
    `A captions file may be at most ${CAPTIONS_MAX_SIZE}`,
    [],
    { key: 'captions.error.tooLarge', params: { size: CAPTIONS_MAX_SIZE } },
  );
}

/**
 * The captions uploads (the API's PUT, the organizers' form): the app's 256 KiB body limit does
 * not apply to them; their routes take up to CAPTIONS_MAX_BYTES.
 */
export function isCaptionsUpload(method: string, path: string): boolean {
  return (
    (method === 'PUT' && /^\/api\/v1\/recordings\/[^/]+\/captions\/[^/]+$/.test(path)) ||
    (method === 'POST' && /^\/admin\/events\/[^/]+\/recordings\/[^/]+\/captions$/.test(path))
  );
}

/** A caption language: a BCP 47 primary tag, optionally with a region (et, en, ru, en-GB). */
export const CAPTION_LANGUAGE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

export function captionLanguage(value: string): string {
  if (!CAPTION_LANGUAGE.test(value)) {
    throw invalidFields([
      {
        path: 'lang',
        message: 'Must be a language code such as et, en or ru',
        localized: { key: 'captions.error.language' },
      },
    ]);
  }
  return value;
}

/** The refusal of a file that does not parse: 422 naming each line, in the reader's language. */
export function captionProblemsError(problems: CaptionProblem[]): HttpError {
  return invalidFields(
    problems.map((problem) => ({
      path: `body:${problem.line}`,
      message: `Line ${problem.line}: ${problem.message}`,
      localized: {
        key: `captions.problem.${problem.code}`,
        params: {
          line: problem.line,
          max: problem.code === 'tooLong' ? MAX_CUE_CHARS : MAX_CUES,
          ...problem.params,
        },
      },
    })),
  );
}

/**
 * A file's text: UTF-8, or, when its bytes are not, the legacy code page people in that
 * language saved captions in (Windows-1257 for Estonian and English, Windows-1251 for Russian).
 */
export function captionText(bytes: Uint8Array, language: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const legacy = language.startsWith('ru') ? 'windows-1251' : LEGACY_CODE_PAGE[language];
    if (!legacy) {
      throw invalidFields([
        {
          path: 'body:1',
          message: 'The file is not UTF-8: save it as UTF-8',
          localized: { key: 'captions.problem.encoding' },
        },
      ]);
    }
    return new TextDecoder(legacy).decode(bytes);
  }
}

const LEGACY_CODE_PAGE: Record<string, string> = {
  et: 'windows-1257',
  en: 'windows-1257',
  lv: 'windows-1257',
  lt: 'windows-1257',
};

/** Stores a recording's captions in a language from a file; true when they are new. */
export async function putCaptions(
  db: Db,
  user: CurrentUser,
  recordingId: number,
  language: string,
  file: Uint8Array,
  format: CaptionFormat,
  now: Date,
): Promise<{ created: boolean; cues: number }> {
  const { recording } = await managedRecording(db, user, recordingId);
  const parsed = parseCaptions(captionText(file, language), format, recording.durationSeconds);
  if (!parsed.ok) throw captionProblemsError(parsed.problems);
  const created = await db.transaction(async (tx) => {
    const isNew = await replaceCaptions(tx, recording.id, language, parsed.cues, now);
    await recordAudit(
      tx,
      user,
      {
        action: isNew ? 'captions.create' : 'captions.replace',
        entity: 'recording',
        entityId: recording.id,
        after: { language, cues: parsed.cues.length },
      },
      now,
    );
    return isNew;
  });
  return { created, cues: parsed.cues.length };
}

export async function removeCaptions(
  db: Db,
  user: CurrentUser,
  recordingId: number,
  language: string,
  now: Date,
): Promise<void> {
  const { recording } = await managedRecording(db, user, recordingId);
  await db.transaction(async (tx) => {
    if (!(await deleteCaptions(tx, recording.id, language))) {
      throw notFound('This recording has no captions in that language');
    }
    await recordAudit(
      tx,
      user,
      {
        action: 'captions.delete',
        entity: 'recording',
        entityId: recording.id,
        before: { language },
      },
      now,
    );
  });
}
