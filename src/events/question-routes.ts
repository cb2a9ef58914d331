import { Hono, type Context } from 'hono';
import { QuestionsEditorPage } from '@views/events/admin/questions-editor-page';
import { assertCanManage, type CurrentUser } from '@/platform/auth/auth';
import { requireUserPage } from '@/platform/auth/guards';
import type { AppEnv } from '@/platform/deps';
import { invalidFields, notFound } from '@/platform/http/errors';
import { formProblems, readForm, type FormProblems } from '@/platform/http/forms';
import { pageContext } from '@/platform/http/page';
import {
  blankQuestionRow,
  loadQuestions,
  questionFormField,
  questionRowOf,
  questionRowsFromForm,
  questionsInputFromRows,
  questionsInputSchema,
  type QuestionRow,
} from '@/questions';
import { issuesToDetails } from '@/platform/http/errors';
import { findEventBySlug, type StoredEvent } from './reads';
import { updateEvent } from './service';

async function managedEvent(c: Context<AppEnv>, user: CurrentUser): Promise<StoredEvent> {
  const event = await findEventBySlug(c.get('deps').db, c.req.param('slug') ?? '');
  if (!event) throw notFound('No such event');
  assertCanManage(
    user,
    event.hosts.map((host) => host.id),
  );
  return event;
}

/** /admin/events/:slug/questions: what registering asks, edited as one list (PATCH `questions`). */
export function questionAdminRoutes() {
  const routes = new Hono<AppEnv>();

  const render = (
    c: Context<AppEnv>,
    user: CurrentUser,
    event: StoredEvent,
    rows: QuestionRow[],
    problems?: FormProblems,
  ) => {
    c.header('Cache-Control', 'no-store');
    return c.html(
      QuestionsEditorPage({
        ...pageContext(c),
        user,
        event,
        rows,
        problems,
        saved: c.req.query('saved') === '1',
      }),
      problems?.status ?? 200,
    );
  };

  routes.get('/admin/events/:slug/questions', async (c) => {
    const user = requireUserPage(c);
    const event = await managedEvent(c, user);
    const questions = await loadQuestions(c.get('deps').db, event.id);
    return render(c, user, event, [...questions.map(questionRowOf), blankQuestionRow()]);
  });

  routes.post('/admin/events/:slug/questions', async (c) => {
    const user = requireUserPage(c);
    const event = await managedEvent(c, user);
    const rows = questionRowsFromForm(await readForm(c));
    const { questions, rowOf } = questionsInputFromRows(rows);
    try {
      const parsed = questionsInputSchema.safeParse(questions);
      if (!parsed.success) {
        throw invalidFields(
          issuesToDetails(parsed.error.issues).map((d) => ({ ...d, path: `questions.${d.path}` })),
        );
      }
      await updateEvent({ ...c.get('deps'), user }, event.slug, { questions: parsed.data });
    } catch (error) {
      const problems = formProblems(c.get('t'), error, { field: questionFormField(rowOf) });
      return render(c, user, event, rows, problems);
    }
    return c.redirect(`/admin/events/${event.slug}/questions?saved=1`, 303);
  });

  return routes;
}
