import type { SurveyScore } from '../../../core/quality/index.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';

/**
 * The survey indicators' scores of a year by school (student, graduate and employer satisfaction, internship
 * quality), from the surveys capability (issue 17 item 2). Until that capability is wired in here, there are no
 * survey answers on the platform, and every survey indicator shows "no data yet" (null), never a score.
 */
export async function surveyScores(_db: Db | Tx, _year: number): Promise<SurveyScore[]> {
  return [];
}
