/** Registration questions' front door: events store them, registrations check and show answers. */
export {
  answerText,
  answersFromForm,
  answersInputSchema,
  checkAnswers,
  localizeQuestion,
  questionJson,
  questionResponse,
  questionsInputSchema,
  resolveQuestions,
  type Answer,
  type Answers,
  type LocalizedQuestion,
  type Question,
  type QuestionInput,
} from './rules';
export { copyQuestions, loadQuestions, saveQuestions } from './queries';
export { AnswerFields, answerField } from '@views/questions/answer-fields';
export {
  blankQuestionRow,
  questionFormField,
  questionRowOf,
  questionRowsFromForm,
  questionsInputFromRows,
  type QuestionRow,
} from './forms';
export { questionKinds } from './rules';
