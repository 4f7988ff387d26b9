/**
 * The surveys section of the plan policy file (`surveys`, 三 18, 任务清单 27): the questionnaires of the multi-party
 * quality evaluation as data — for each kind its audience, its Likert items and its optional free-text prompt — the
 * answer scale, the free text's length limit and the smallest number of answers a unit's results are shown for.
 * Versioned: a round keeps the questions and version it was opened with. Pure: parsed JSON in, typed policy out.
 */
export const SURVEY_KINDS = ['student_satisfaction', 'graduate_satisfaction', 'employer_satisfaction', 'internship_quality'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** Who answers a kind: a school's students, its graduates, its partner enterprises, or a student at the end of an internship. */
export const SURVEY_AUDIENCES = ['students', 'graduates', 'enterprises', 'internship'] as const;
export type SurveyAudience = (typeof SURVEY_AUDIENCES)[number];

export interface SurveyQuestion {
  code: string;
  text: string;
}

export interface SurveyKindPolicy {
  name: string;
  audience: SurveyAudience;
  questions: SurveyQuestion[];
  /** The free-text prompt; the answer to it is optional. */
  freeText: string;
}

export interface SurveysPolicy {
  article: string;
  version: string;
  note: string;
  /** Below this many answers a unit's results show as 样本不足 (re-identification of a few respondents). */
  minResponses: number;
  freeTextMaxLength: number;
  /** The Likert labels, lowest first: an answer is 1…scale.length. */
  scale: string[];
  kinds: Record<SurveyKind, SurveyKindPolicy>;
}

export function parseSurveysPolicy(raw: unknown): SurveysPolicy {
  const problems: string[] = [];
  const o = (raw ?? {}) as Record<string, unknown>;
  const str = (v: unknown, at: string) => {
    if (typeof v !== 'string' || !v.trim()) problems.push(`${at}: should be a non-empty string`);
    return String(v ?? '');
  };
  const positive = (k: string) => {
    const v = o[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) problems.push(`surveys.${k}: should be a positive integer`);
    return Number(v);
  };
  const scale = Array.isArray(o.scale) ? o.scale.map((l, i) => str(l, `surveys.scale[${i}]`)) : [];
  if (scale.length < 3) problems.push('surveys.scale: should list at least three labels');
  const rawKinds = (o.kinds ?? {}) as Record<string, Record<string, unknown>>;
  const kinds = {} as Record<SurveyKind, SurveyKindPolicy>;
  for (const kind of SURVEY_KINDS) {
    const k = rawKinds[kind];
    if (!k) {
      problems.push(`surveys.kinds.${kind}: missing`);
      continue;
    }
    const questions = Array.isArray(k.questions)
      ? (k.questions as Record<string, unknown>[]).map((q, i) => ({
          code: str(q.code, `surveys.kinds.${kind}.questions[${i}].code`),
          text: str(q.text, `surveys.kinds.${kind}.questions[${i}].text`),
        }))
      : [];
    if (!questions.length) problems.push(`surveys.kinds.${kind}.questions: should list at least one question`);
    if (new Set(questions.map((q) => q.code)).size !== questions.length) problems.push(`surveys.kinds.${kind}.questions: codes repeat`);
    if (!SURVEY_AUDIENCES.includes(k.audience as SurveyAudience))
      problems.push(`surveys.kinds.${kind}.audience: should be one of ${SURVEY_AUDIENCES.join(', ')}`);
    kinds[kind] = {
      name: str(k.name, `surveys.kinds.${kind}.name`),
      audience: k.audience as SurveyAudience,
      questions,
      freeText: str(k.freeText, `surveys.kinds.${kind}.freeText`),
    };
  }
  const policy: SurveysPolicy = {
    article: str(o.article, 'surveys.article'),
    version: str(o.version, 'surveys.version'),
    note: str(o.note, 'surveys.note'),
    minResponses: positive('minResponses'),
    freeTextMaxLength: positive('freeTextMaxLength'),
    scale,
    kinds,
  };
  if (problems.length) throw new Error(`invalid surveys policy:\n${problems.join('\n')}`);
  return policy;
}
