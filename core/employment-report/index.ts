/** 郑州市产业人才供需与就业状况年度报告 (issue 16 item 6): the policy section and the pure drafting of its content. */
export * from './policy.ts';
export * from './report.ts';
