/** Registration questions: the organizer's input, the answers' checks and what each shows. */
import { z } from 'zod';
import { questionKind, type QuestionTranslations } from '@/platform/db/schema';
import { MAX_ID, type ErrorDetail } from '@/platform/http/errors';
import { isLang, languages, type Lang, type MessageKey } from '@/platform/i18n';
import { multiLineText, singleLine, singleLineText } from '@/platform/text';

export const questionKinds = questionKind.enumValues;
export type QuestionKind = (typeof questionKinds)[number];
export const MAX_QUESTIONS = 30;
export const MAX_OPTIONS = 30;
const TEXT_ANSWER_MAX = 300;
const LONG_ANSWER_MAX = 4000;

/** A text in one language (the original) or in several: `{"et": "…", "ru": "…", "en": "…"}`. */
function translatable(max: number) {
  const line = singleLine().min(1).max(max);
  return z.union([
    line,
    z
      .strictObject({ et: line.optional(), ru: line.optional(), en: line.optional() })
      .refine((texts) => languages.some((lang) => texts[lang] !== undefined), {
        message: 'Give the text in at least one language',
      }),
  ]);
}

const option = singleLine().min(1).max(200);
const optionList = z.array(option).max(MAX_OPTIONS);

export const questionInputSchema = z.strictObject({
  /** A stored question's id keeps it (and its answers); without one the question is new. */
  id: z.number().int().positive().max(MAX_ID).optional(),
  kind: z.enum(questionKinds),
  label: translatable(300).meta({
    description:
      "A plain string is in the event's original language (`originalLang`). An object gives each " +
      "language: the event's language is the original when given, else the first of et, ru, en; " +
      'help and options then need a text in that language too',
  }),
  help: translatable(1000).nullish(),
  required: z.boolean().optional(),
  options: z
    .union([
      optionList,
      z.strictObject({
        et: optionList.optional(),
        ru: optionList.optional(),
        en: optionList.optional(),
      }),
    ])
    .optional(),
  sensitive: z.boolean().optional(),
});
export const questionsInputSchema = z.array(questionInputSchema).max(MAX_QUESTIONS);
export type QuestionInput = z.output<typeof questionInputSchema>;

/** A question as stored (without its event and position). */
export type QuestionValues = {
  id?: number;
  kind: QuestionKind;
  label: string;
  help: string | null;
  required: boolean;
  options: string[];
  sensitive: boolean;
  translations: QuestionTranslations;
  /** The language of label, help and options (the first language an input gives). */
  originalLang: string;
};

export type Question = QuestionValues & { id: number };

type Texts<T> = T | Partial<Record<Lang, T>>;

const isString = (v: Texts<string>): v is string => typeof v === 'string';
const isList = (v: Texts<string[]>): v is string[] => Array.isArray(v);

/**
 * The language a question is written in: the event's, unless its label is given only in other
 * languages (then the first of et, ru, en it gives). A plain string is in the event's language.
 */
function questionLang(label: Texts<string>, eventLang: Lang): Lang {
  if (isString(label) || label[eventLang] !== undefined) return eventLang;
  return languages.find((lang) => label[lang] !== undefined) ?? eventLang;
}

/** A text's original (its `original` language's, undefined when not given) and the others. */
function split<T>(value: Texts<T>, isOne: (v: Texts<T>) => v is T, original: Lang) {
  if (isOne(value)) return { original: value, others: {} as Partial<Record<string, T>> };
  const others = languages.filter((lang) => lang !== original && value[lang] !== undefined);
  return {
    original: value[original],
    others: Object.fromEntries(others.map((lang) => [lang, value[lang] as T])),
  };
}

/**
 * Checks an event's questions and gives them as stored, in the event's original language
 * (`eventLang`) unless a label is given only in others: help and options need a text in the
 * question's language; choices need two different options (in every language, as many as in the
 * original); other kinds keep none. Details name `questions.N.…`.
 */
export function resolveQuestions(
  inputs: QuestionInput[],
  eventLang: Lang,
): { ok: true; values: QuestionValues[] } | { ok: false; details: ErrorDetail[] } {
  const details: ErrorDetail[] = [];
  const values = inputs.map((input, index): QuestionValues => {
    const lang = questionLang(input.label, eventLang);
    const label = split(input.label, isString, lang);
    const help = input.help ? split(input.help, isString, lang) : null;
    const options = input.options
      ? split(input.options, isList, lang)
      : { original: undefined, others: {} };
    const original = options.original ?? [];
    const choosing = input.kind === 'choice' || input.kind === 'choices';
    const at = `questions.${index}.options`;
    if (help && help.original === undefined) {
      details.push(
        problem(
          `questions.${index}.help.${lang}`,
          'Required: the text in the question’s language',
          'validation.required',
        ),
      );
    }
    if (choosing) {
      const distinct = new Set(original.map((o) => o.toLowerCase()));
      if (original.length < 2) {
        details.push(problem(at, 'Give at least two options', 'question.error.options'));
      } else if (distinct.size !== original.length) {
        details.push(problem(at, 'Options must differ', 'question.error.optionsDiffer'));
      }
      for (const list of Object.values(options.others)) {
        if (list && list.length !== original.length) {
          details.push(
            problem(at, 'Each language needs as many options', 'question.error.optionsLanguages'),
          );
          break;
        }
      }
    }
    const translations: QuestionTranslations = {};
    if (Object.keys(label.others).length > 0) translations.label = label.others;
    if (help && Object.keys(help.others).length > 0) translations.help = help.others;
    if (choosing && Object.keys(options.others).length > 0) translations.options = options.others;
    return {
      ...(input.id !== undefined ? { id: input.id } : {}),
      kind: input.kind,
      label: label.original ?? '',
      help: help?.original ?? null,
      required: input.required ?? false,
      options: choosing ? original : [],
      sensitive: input.sensitive ?? false,
      translations,
      originalLang: lang,
    };
  });
  return details.length > 0 ? { ok: false, details } : { ok: true, values };
}

function problem(path: string, message: string, key: MessageKey): ErrorDetail {
  return { path, message, localized: { key } };
}

/** A question in a reader's language (the original where it has no translation). */
export type LocalizedQuestion = {
  id: number;
  kind: QuestionKind;
  label: string;
  /** The languages the label, help and option labels are shown in (the original's when untranslated). */
  labelLang?: Lang;
  helpLang?: Lang;
  optionsLang?: Lang;
  help: string | null;
  required: boolean;
  sensitive: boolean;
  /** `value` is what an answer stores (the original option), `label` what the reader sees. */
  options: { value: string; label: string }[];
};

/** The language of a question's original texts, as stored (drizzle/0027). */
export function questionOriginalLang(question: Pick<Question, 'originalLang'>): Lang {
  return isLang(question.originalLang) ? question.originalLang : 'et';
}

export function localizeQuestion(question: Question, lang: Lang): LocalizedQuestion {
  const labels = question.translations.options?.[lang];
  const original = questionOriginalLang(question);
  const label = question.translations.label?.[lang];
  const help = question.translations.help?.[lang];
  return {
    id: question.id,
    kind: question.kind,
    label: label ?? question.label,
    labelLang: label ? lang : original,
    helpLang: help ? lang : original,
    optionsLang: labels ? lang : original,
    help: question.help === null ? null : (help ?? question.help),
    required: question.required,
    sensitive: question.sensitive,
    options: question.options.map((value, i) => ({ value, label: labels?.[i] ?? value })),
  };
}

/** How the API shows a question: texts in the reader's language plus every translation. */
export function questionJson(question: Question, lang: Lang) {
  const shown = localizeQuestion(question, lang);
  return {
    id: question.id,
    kind: question.kind,
    label: shown.label,
    help: shown.help,
    required: question.required,
    options: shown.options.map((o) => o.value),
    sensitive: question.sensitive,
    translations: question.translations,
  };
}

export const questionResponse = z.object({
  id: z.number().int(),
  kind: z.enum(questionKinds),
  label: z.string(),
  help: z.string().nullable(),
  required: z.boolean(),
  options: z.array(z.string()).meta({ description: 'What an answer gives (the original text)' }),
  sensitive: z.boolean(),
  translations: z.looseObject({}),
});

export type Answer = string | string[] | boolean;
export type Answers = Record<string, Answer>;

/** The registration body's `answers`, before they are checked against the event's questions. */
export const answersInputSchema = z
  .record(
    z.string().max(20),
    z.union([
      z.string().max(LONG_ANSWER_MAX),
      z.array(z.string().max(200)).max(MAX_OPTIONS),
      z.boolean(),
    ]),
  )
  .meta({ description: 'By question id: text, the chosen option(s) or yes/no (true/false)' });

/**
 * The answers checked against the event's questions: each refusal names `answers.<questionId>`
 * in the reader's language; blank answers are left out.
 */
export function checkAnswers(
  questions: Question[],
  given: Answers | undefined,
): { ok: true; answers: Answers } | { ok: false; details: ErrorDetail[] } {
  const details: ErrorDetail[] = [];
  const answers: Answers = {};
  const input = given ?? {};
  for (const key of Object.keys(input)) {
    if (!questions.some((q) => String(q.id) === key)) {
      details.push(problem(`answers.${key}`, 'No such question', 'question.error.unknown'));
    }
  }
  for (const question of questions) {
    const path = `answers.${question.id}`;
    const value = input[String(question.id)];
    const checked = checkAnswer(question, value);
    if ('error' in checked) {
      details.push(problem(path, checked.error[0], checked.error[1]));
    } else if (checked.value === undefined) {
      if (question.required) details.push(problem(path, 'Required', 'question.error.required'));
    } else {
      answers[String(question.id)] = checked.value;
    }
  }
  return details.length > 0 ? { ok: false, details } : { ok: true, answers };
}

function checkAnswer(
  question: Question,
  value: Answer | undefined,
): { value: Answer | undefined } | { error: [string, MessageKey] } {
  if (value === undefined) return { value };
  switch (question.kind) {
    case 'text':
    case 'longtext': {
      if (typeof value !== 'string') return { error: ['Must be text', 'question.error.text'] };
      const text =
        question.kind === 'text' ? singleLineText(value).trim() : multiLineText(value).trim();
      const max = question.kind === 'text' ? TEXT_ANSWER_MAX : LONG_ANSWER_MAX;
      if (text.length > max)
        return { error: [`At most ${max} characters`, 'question.error.tooLong'] };
      return { value: text === '' ? undefined : text };
    }
    case 'choice': {
      if (typeof value !== 'string')
        return { error: ['Choose one option', 'question.error.choice'] };
      if (value === '') return { value: undefined };
      return question.options.includes(value)
        ? { value }
        : { error: ['Not one of the options', 'question.error.choice'] };
    }
    case 'choices': {
      const list = typeof value === 'string' ? (value === '' ? [] : [value]) : value;
      if (!Array.isArray(list) || list.some((item) => !question.options.includes(item))) {
        return { error: ['Not among the options', 'question.error.choice'] };
      }
      // In the options' order, each once.
      const chosen = question.options.filter((o) => list.includes(o));
      return { value: chosen.length === 0 ? undefined : chosen };
    }
    case 'yesno':
      return typeof value === 'boolean'
        ? { value }
        : { error: ['Must be yes or no (true or false)', 'question.error.yesno'] };
  }
}

/** An answer as text (lists, CSV): options in the reader's language, yes/no as given. */
export function answerText(
  question: LocalizedQuestion,
  value: Answer | undefined,
  yesNo: { yes: string; no: string },
): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  const shown = (v: string) => question.options.find((o) => o.value === v)?.label ?? v;
  return Array.isArray(value) ? value.map(shown).join('; ') : shown(value);
}

/**
 * The answers a web form sent (`answers.<id>` fields) in the API's shape: checkboxes as lists,
 * yes/no radios as booleans; anything else stays as sent, for `checkAnswers` to refuse.
 */
export function answersFromForm(
  questions: Question[],
  field: (name: string) => string | string[] | undefined,
): Answers {
  const answers: Answers = {};
  for (const question of questions) {
    const sent = field(`answers.${question.id}`);
    if (sent === undefined) continue;
    const first = Array.isArray(sent) ? (sent[0] ?? '') : sent;
    if (question.kind === 'choices') answers[question.id] = Array.isArray(sent) ? sent : [sent];
    else if (question.kind === 'yesno') {
      if (first !== '')
        answers[question.id] = first === 'yes' ? true : first === 'no' ? false : first;
    } else answers[question.id] = first;
  }
  return answers;
}
