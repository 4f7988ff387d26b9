/**
 * The surveys capability's public surface (issue 17 item 2): anonymous satisfaction surveys and end-of-internship
 * ratings. The quality evaluation reads `surveyScoresBySchool`, a school's annual report `surveyFeedbackForSchool`,
 * the internships capability asks for a rating on completion with `inviteInternshipRating`, and the post list
 * shows units' ratings through `internshipRatingsOf`.
 */
export { surveyRoutes } from './routes/surveys.ts';
export {
  surveyFeedbackForSchool,
  surveyScoresBySchool,
  type FeedbackKind,
  type FeedbackQuestion,
  type SchoolFeedback,
  type SurveyScore,
} from './repository/school-figures.ts';
export { inviteInternshipRating } from './repository/invitations.ts';
export { internshipRatingsOf } from './repository/ratings.ts';
/** The demo city enters its rounds and answers through the capability's own code. */
export { answer } from './repository/answers.ts';
export { closeRound, openRound } from './repository/rounds.ts';
