import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AdminCaptionsPage } from '@views/captions/admin-page';
import { languageName } from '@/platform/i18n/language-name';
import { TranscriptPage } from '@views/captions/transcript-page';
import { ConfirmPage } from '@views/shell/confirm-page';
import { requireUserPage } from '@/platform/auth/guards';
import type { AppEnv } from '@/platform/deps';
import { setFrameSources } from '@/platform/http/csp';
import { HttpError, invalidFields, notFound } from '@/platform/http/errors';
import {
  confirmed,
  formProblems,
  readForm,
  text,
  type Form,
  type FormProblems,
} from '@/platform/http/forms';
import { pageContext } from '@/platform/http/page';
import { formatSize } from '@/platform/i18n/size';
import {
  frameOriginsFor,
  managedRecording,
  pathId,
  publicRecordingPage,
  startParam,
} from '@/recordings';
import { captionFormatOfName, captionFormatOf } from './parse';
import { captionSummaryOf, cuesOf } from './queries';
import {
  captionLanguage,
  CAPTION_LANGUAGE,
  CAPTIONS_MAX_BYTES,
  putCaptions,
  removeCaptions,
} from './service';
import { cuesVtt } from './transcript';
import { transcriptScript } from './transcript-script';

/** The captions language to show: asked for, else the page's, else the recording's, else the first. */
function shownLanguage(
  languages: string[],
  asked: string | undefined,
  pageLang: string,
  recordingLang: string | null,
): string | null {
  for (const choice of [asked, pageLang, recordingLang]) {
    if (choice && languages.includes(choice)) return choice;
  }
  return languages[0] ?? null;
}

async function managedTarget(c: Context<AppEnv>) {
  const user = requireUserPage(c);
  const found = await managedRecording(c.get('deps').db, user, pathId(c.req.param('id')));
  if (found.event.slug !== c.req.param('slug')) throw notFound('No such recording');
  return { user, ...found };
}

/** The uploaded file's text and format, or 422 naming the field. */
async function uploadedFile(form: Form): Promise<{ bytes: Uint8Array; format: 'vtt' | 'srt' }> {
  const file = form.file;
  const upload = Array.isArray(file) ? file[0] : file;
  if (!(upload instanceof File) || upload.size === 0) {
    throw invalidFields([
      { path: 'file', message: 'Choose a file', localized: { key: 'captions.error.file' } },
    ]);
  }
  const format = captionFormatOfName(upload.name) ?? captionFormatOf(upload.type);
  if (!format) {
    throw invalidFields([
      {
        path: 'file',
        message: 'Choose a WebVTT or SubRip file',
        localized: { key: 'captions.error.format' },
      },
    ]);
  }
  return { bytes: new Uint8Array(await upload.arrayBuffer()), format };
}

export function captionsRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/assets/transcript.js', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(transcriptScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });

  routes.get('/recordings/:id/captions/:file', async (c) => {
    const match = /^(.+)\.vtt$/.exec(c.req.param('file'));
    const language = match?.[1];
    if (!language || !CAPTION_LANGUAGE.test(language)) throw notFound('No such captions');
    const { db } = c.get('deps');
    const data = await publicRecordingPage(db, pathId(c.req.param('id')));
    const cues = data ? await cuesOf(db, data.recording.id, language) : null;
    if (!cues) throw notFound('No such captions');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(cuesVtt(cues), 200, { 'Content-Type': 'text/vtt; charset=utf-8' });
  });

  routes.get('/recordings/:id/transcript', async (c) => {
    const { db } = c.get('deps');
    const data = await publicRecordingPage(db, pathId(c.req.param('id')), c.get('lang'));
    if (!data) throw notFound('No such recording');
    const language = shownLanguage(
      data.captionLanguages,
      c.req.query('captions'),
      c.get('lang'),
      data.recording.language,
    );
    const cues = language ? await cuesOf(db, data.recording.id, language) : null;
    if (!language || !cues) {
      throw new HttpError('not_found', 'This recording has no captions', [], {
        key: 'captions.transcript.none',
      });
    }
    setFrameSources(c, frameOriginsFor([data.recording.sourceUrl]));
    return c.html(
      TranscriptPage({
        ...pageContext(c),
        recording: data.recording,
        event: data.event,
        fallbackFrom: data.fallbackFrom,
        language,
        languages: data.captionLanguages,
        cues,
        startSeconds: startParam(c.req.query('t'), data.recording.durationSeconds),
      }),
    );
  });

  const adminPath = (slug: string, id: number) => `/admin/events/${slug}/recordings/${id}/captions`;

  async function adminPage(
    c: Context<AppEnv>,
    target: Awaited<ReturnType<typeof managedTarget>>,
    problems?: FormProblems,
    language = '',
    status?: 413,
  ) {
    const captions = await captionSummaryOf(c.get('deps').db, target.recording.id);
    return c.html(
      AdminCaptionsPage({
        ...pageContext(c),
        user: target.user,
        event: target.event,
        recording: target.recording,
        captions,
        problems,
        language,
        done:
          c.req.query('done') === 'saved' || c.req.query('done') === 'removed'
            ? (c.req.query('done') as 'saved' | 'removed')
            : null,
      }),
      status ?? problems?.status ?? 200,
    );
  }

  routes.get('/admin/events/:slug/recordings/:id/captions', async (c) =>
    adminPage(c, await managedTarget(c)),
  );

  // The app's 256 KiB limit does not apply here (isCaptionsUpload): a long meeting's captions are
  // larger. Over this one the form is shown again, naming the limit (413).
  const formLimit = bodyLimit({
    maxSize: CAPTIONS_MAX_BYTES,
    onError: async (c) => {
      const tooLarge = c.get('t')('captions.error.tooLarge', {
        size: formatSize(CAPTIONS_MAX_BYTES, c.get('lang')),
      });
      const problems: FormProblems = { errors: { file: [tooLarge] }, general: [], status: 422 };
      return adminPage(c, await managedTarget(c), problems, '', 413);
    },
  });

  routes.post('/admin/events/:slug/recordings/:id/captions', formLimit, async (c) => {
    const target = await managedTarget(c);
    const form = await readForm(c);
    const asked = text(form, 'language').trim();
    const { db, clock } = c.get('deps');
    try {
      const language = captionLanguage(asked);
      const file = await uploadedFile(form);
      await putCaptions(
        db,
        target.user,
        target.recording.id,
        language,
        file.bytes,
        file.format,
        clock.now(),
      );
    } catch (error) {
      const problems = formProblems(c.get('t'), error, {
        field: (path) => (path === 'lang' ? 'language' : path.startsWith('body:') ? 'file' : path),
      });
      return adminPage(c, target, problems, asked);
    }
    return c.redirect(`${adminPath(target.event.slug, target.recording.id)}?done=saved`, 303);
  });

  routes.post('/admin/events/:slug/recordings/:id/captions/:lang/delete', async (c) => {
    const target = await managedTarget(c);
    const language = c.req.param('lang');
    if (!CAPTION_LANGUAGE.test(language)) throw notFound('No such captions');
    const form = await readForm(c);
    const back = adminPath(target.event.slug, target.recording.id);
    if (!confirmed(form)) {
      const t = c.get('t');
      return c.html(
        ConfirmPage({
          ...pageContext(c),
          user: target.user,
          question: t('captions.admin.removeQuestion', {
            title: target.recording.title,
            language: languageName(language, c.get('lang')),
          }),
          details: [t('captions.admin.removeDetail')],
          action: `${back}/${language}/delete`,
          confirmLabel: t('captions.admin.removeConfirm'),
          backHref: back,
        }),
      );
    }
    const { db, clock } = c.get('deps');
    await removeCaptions(db, target.user, target.recording.id, language, clock.now());
    return c.redirect(`${back}?done=removed`, 303);
  });

  return routes;
}
