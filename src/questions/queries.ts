import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { registrationQuestions } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import { builtOnce } from '@/platform/db/prepared';
import { invalidFields } from '@/platform/http/errors';
import type { Question, QuestionValues } from './rules';

const columns = {
  id: registrationQuestions.id,
  kind: registrationQuestions.kind,
  label: registrationQuestions.label,
  help: registrationQuestions.help,
  required: registrationQuestions.required,
  options: registrationQuestions.options,
  sensitive: registrationQuestions.sensitive,
  translations: registrationQuestions.translations,
  originalLang: registrationQuestions.originalLang,
};

const questionsOfEvent = builtOnce((db) =>
  db
    .select(columns)
    .from(registrationQuestions)
    .where(eq(registrationQuestions.eventId, sql.placeholder('eventId')))
    .orderBy(asc(registrationQuestions.position), asc(registrationQuestions.id))
    .prepare('questions_of_event'),
);

/** An event's registration questions, in order. */
export async function loadQuestions(db: Queryable, eventId: number): Promise<Question[]> {
  return questionsOfEvent(db).execute({ eventId });
}

/**
 * Makes the event's questions the list given, in its order: a question with an id is kept (its
 * answers with it), one without is new, the others are removed. An id of another event is 422.
 */
export async function saveQuestions(
  tx: Queryable,
  eventId: number,
  values: QuestionValues[],
): Promise<void> {
  const keptIds = values.flatMap((value) => (value.id === undefined ? [] : [value.id]));
  if (keptIds.length > 0) {
    const own = await tx
      .select({ id: registrationQuestions.id })
      .from(registrationQuestions)
      .where(
        and(eq(registrationQuestions.eventId, eventId), inArray(registrationQuestions.id, keptIds)),
      );
    const details = values.flatMap((value, index) =>
      value.id !== undefined && !own.some((row) => row.id === value.id)
        ? [
            {
              path: `questions.${index}.id`,
              message: 'No such question in this event',
              localized: { key: 'question.error.unknown' as const },
            },
          ]
        : [],
    );
    if (details.length > 0) throw invalidFields(details);
  }
  await tx
    .delete(registrationQuestions)
    .where(
      keptIds.length > 0
        ? and(
            eq(registrationQuestions.eventId, eventId),
            notInArray(registrationQuestions.id, keptIds),
          )
        : eq(registrationQuestions.eventId, eventId),
    );
  for (const [position, { id, ...value }] of values.entries()) {
    if (id === undefined) {
      await tx.insert(registrationQuestions).values({ ...value, eventId, position });
    } else {
      await tx
        .update(registrationQuestions)
        .set({ ...value, position })
        .where(eq(registrationQuestions.id, id));
    }
  }
}

/** A copied event asks what the original asked (new questions; answers stay behind). */
export async function copyQuestions(tx: Queryable, fromEventId: number, toEventId: number) {
  const questions = await loadQuestions(tx, fromEventId);
  await saveQuestions(
    tx,
    toEventId,
    questions.map(({ id: _id, ...question }) => question),
  );
}
