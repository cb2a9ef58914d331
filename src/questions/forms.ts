import { text, type Form } from '@/platform/http/forms';
import { languages } from '@/platform/i18n';
import { questionOriginalLang, type Question, type QuestionKind } from './rules';

/** One question of the editor as the form shows it: texts per language, options one per line. */
export type QuestionRow = {
  id: string;
  kind: QuestionKind | string;
  label: Record<string, string>;
  help: Record<string, string>;
  options: Record<string, string>;
  required: boolean;
  sensitive: boolean;
};

export const blankQuestionRow = (): QuestionRow => ({
  id: '',
  kind: 'text',
  label: {},
  help: {},
  options: {},
  required: false,
  sensitive: false,
});

/** A stored question in the editor: its original texts in their language's fields, translations beside. */
export function questionRowOf(question: Question): QuestionRow {
  const original = questionOriginalLang(question);
  const byLang = <T>(text: T, translated: Partial<Record<string, T>> | undefined) => ({
    ...translated,
    [original]: text,
  });
  const lines = (lists: Partial<Record<string, string[]>>) =>
    Object.fromEntries(
      Object.entries(lists).map(([lang, list]) => [lang, (list ?? []).join('\n')]),
    );
  return {
    id: String(question.id),
    kind: question.kind,
    label: byLang(question.label, question.translations.label) as Record<string, string>,
    help: question.help
      ? (byLang(question.help, question.translations.help) as Record<string, string>)
      : {},
    options: lines(byLang(question.options, question.translations.options)),
    required: question.required,
    sensitive: question.sensitive,
  };
}

/** The rows posted as `questions.N.field[.lang]`, in N's order (what was typed, for errors too). */
export function questionRowsFromForm(form: Form): QuestionRow[] {
  const indices = new Set<number>();
  for (const name of Object.keys(form)) {
    const match = /^questions\.(\d{1,3})\./.exec(name);
    if (match) indices.add(Number(match[1]));
  }
  return [...indices]
    .sort((a, b) => a - b)
    .map((n) => {
      const field = (name: string) => text(form, `questions.${n}.${name}`);
      const perLang = (name: string) =>
        Object.fromEntries(languages.map((lang) => [lang, field(`${name}.${lang}`)]));
      return {
        id: field('id'),
        kind: field('kind'),
        label: perLang('label'),
        help: perLang('help'),
        options: perLang('options'),
        required: field('required') !== '',
        sensitive: field('sensitive') !== '',
      };
    });
}

/**
 * The rows as the API's `questions` (a row without any label is dropped: that removes it), and
 * which row each question came from, to show a refusal beside the right row.
 */
export function questionsInputFromRows(rows: QuestionRow[]): {
  questions: unknown[];
  rowOf: number[];
} {
  const questions: unknown[] = [];
  const rowOf: number[] = [];
  rows.forEach((row, index) => {
    const given = (texts: Record<string, string>) =>
      Object.fromEntries(Object.entries(texts).filter(([, value]) => value.trim() !== ''));
    const label = given(row.label);
    if (Object.keys(label).length === 0) return;
    const help = given(row.help);
    const options = Object.fromEntries(
      Object.entries(given(row.options)).map(([lang, value]) => [
        lang,
        value
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => line !== ''),
      ]),
    );
    const id = Number(row.id);
    questions.push({
      ...(row.id !== '' ? { id: Number.isInteger(id) && id > 0 ? id : row.id } : {}),
      kind: row.kind,
      label,
      help: Object.keys(help).length > 0 ? help : null,
      ...(Object.keys(options).length > 0 ? { options } : {}),
      required: row.required,
      sensitive: row.sensitive,
    });
    rowOf.push(index);
  });
  return { questions, rowOf };
}

/** A refusal's path (`questions.2.options`) as the editor's field (`questions.<row>.options`). */
export function questionFormField(rowOf: number[]) {
  return (path: string): string | null => {
    const match = /^questions\.(\d+)(?:\.([a-z]+))?/.exec(path);
    if (!match) return null;
    return `questions.${rowOf[Number(match[1])] ?? 0}.${match[2] ?? 'label'}`;
  };
}
