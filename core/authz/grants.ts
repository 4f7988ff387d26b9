import type { Role, Scope } from './roles.ts';

/**
 * The one declarative authorisation table: for each resource and action, the roles that may act and how far
 * their grant reaches. Routes name a (resource, action) pair; nothing else decides who may do what.
 */
export type Grants = Partial<Record<Role, Scope>>;
type ResourcePolicy = Record<string, Grants>;

const staffRead: Grants = {
  city_admin: 'city',
  department: 'city',
  district: 'district',
};

const everyoneSelf: Grants = {
  city_admin: 'self',
  department: 'self',
  district: 'self',
  school_admin: 'self',
  teacher: 'self',
  enterprise_admin: 'self',
  student: 'self',
  learner: 'self',
  evaluator: 'self',
};

export const POLICY = {
  home: {
    read: everyoneSelf,
  },
  school: {
    read: { ...staffRead, school_admin: 'organisation', teacher: 'organisation' },
    update: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
    /** Schools (and their accounts) are created by the bureau; archiving is the bureau's too. */
    create: { city_admin: 'city' },
    archive: { city_admin: 'city' },
    /** 学校标识码, district and level are the register's facts: a school asks its district or the bureau to correct them. */
    correct: { city_admin: 'city', district: 'district' },
  },
  /** A school keeps its programs, major groups and teachers; its district reviews and corrects them; the bureau all. */
  program: {
    read: { ...staffRead, school_admin: 'organisation', teacher: 'organisation' },
    create: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
    update: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
    archive: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
  },
  majorGroup: {
    read: { ...staffRead, school_admin: 'organisation', teacher: 'organisation' },
    create: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
    update: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
    archive: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
    /** Naming a group a 产教融合型重点专业（群） (任务清单 3) is the bureau's decision, not the school's claim. */
    designate: { city_admin: 'city' },
  },
  /**
   * 培训课程 a school offers enterprises' employees (二 (二) 5): the school keeps them, its district and the bureau
   * may too; enterprises read them all (they are what a training demand is matched against).
   */
  trainingCourse: {
    read: { ...staffRead, school_admin: 'organisation', teacher: 'organisation', enterprise_admin: 'city' },
    create: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
    update: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
    archive: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
  },
  teacher: {
    read: { ...staffRead, school_admin: 'organisation', teacher: 'organisation' },
    create: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
    update: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
    archive: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
  },
  enterprise: {
    read: { ...staffRead, enterprise_admin: 'organisation' },
    update: { city_admin: 'city', district: 'district', enterprise_admin: 'organisation' },
    /** Districts review and correct their district's register; an enterprise joins itself through registration. */
    create: { city_admin: 'city', district: 'district' },
    archive: { city_admin: 'city', district: 'district' },
    /** 产教融合型企业 status and the code itself are the register's facts, not the enterprise's own claim. */
    certify: { city_admin: 'city' },
    correct: { city_admin: 'city', district: 'district' },
  },
  /** Self-registrations from the public page, reviewed by the registrant's district or the bureau. */
  enterpriseRegistration: {
    read: { city_admin: 'city', district: 'district' },
    review: { city_admin: 'city', district: 'district' },
  },
  /** The plan's carriers (载体). Partners read through the repository's carrier scope; only the lead's side edits. */
  carrier: {
    read: { ...staffRead, school_admin: 'organisation', teacher: 'organisation', enterprise_admin: 'organisation' },
    create: { city_admin: 'city', district: 'district', school_admin: 'organisation', enterprise_admin: 'organisation' },
    update: { city_admin: 'city', district: 'district', school_admin: 'organisation', enterprise_admin: 'organisation' },
    archive: { city_admin: 'city', district: 'district' },
    /** Recording a certification (认定) is the bureau's act. */
    certify: { city_admin: 'city' },
    /** Checking on evidence that an operating carrier runs, before it counts toward a target: the bureau or its district. */
    verify: { city_admin: 'city', district: 'district' },
  },
  /** The cluster ↔ major and cluster ↔ industry mapping (reading it is public). */
  industryCluster: {
    update: { city_admin: 'city' },
  },
  student: {
    read: { city_admin: 'city', district: 'district', school_admin: 'organisation', teacher: 'organisation', student: 'self' },
    /** A school enrols its students; a district corrects records but does not enrol. */
    create: { city_admin: 'city', school_admin: 'organisation' },
    update: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
    archive: { city_admin: 'city', school_admin: 'organisation' },
  },
  /** Reading a student's ID number or phone in clear: fewer roles than reading the record, and every read is logged. */
  studentPersonalInfo: {
    read: { city_admin: 'city', school_admin: 'organisation', student: 'self' },
  },
  /** A teacher's ID number in clear: as for students, the bureau and the teacher's school admin, each read logged. */
  teacherPersonalInfo: {
    read: { city_admin: 'city', school_admin: 'organisation' },
  },
  account: {
    read: { city_admin: 'city', district: 'district', school_admin: 'organisation', enterprise_admin: 'organisation' },
    create: { city_admin: 'city', school_admin: 'organisation', enterprise_admin: 'organisation' },
    /** Accounts for a school's teachers and students in one call (POST /api/schools/:id/accounts/bulk). */
    bulkCreate: { city_admin: 'city', school_admin: 'organisation' },
    /** Disabling and re-enabling an account: the bureau any, a school or enterprise admin their own staff's. */
    disable: { city_admin: 'city', school_admin: 'organisation', enterprise_admin: 'organisation' },
  },
  organisation: {
    read: { ...staffRead, school_admin: 'organisation', teacher: 'organisation', enterprise_admin: 'organisation' },
  },
  /** Long-running work: its submitter follows it; the bureau sees all. */
  job: {
    read: { ...everyoneSelf, city_admin: 'city' },
    retry: { ...everyoneSelf, city_admin: 'city' },
  },
  /** 实习岗位: enterprises publish their own; everyone signed in reads published posts (drafts stay with the enterprise). */
  internshipPost: {
    read: {
      city_admin: 'city',
      department: 'city',
      district: 'city',
      school_admin: 'city',
      teacher: 'city',
      enterprise_admin: 'city',
      student: 'city',
    },
    create: { city_admin: 'city', enterprise_admin: 'organisation' },
    update: { city_admin: 'city', enterprise_admin: 'organisation' },
    publish: { city_admin: 'city', enterprise_admin: 'organisation' },
  },
  /** Applications: students apply for themselves, schools approve their students', enterprises accept their own posts'. */
  internshipApplication: {
    read: {
      city_admin: 'city',
      district: 'district',
      school_admin: 'organisation',
      teacher: 'organisation',
      enterprise_admin: 'organisation',
      student: 'self',
    },
    apply: { student: 'self', school_admin: 'organisation' },
    approve: { school_admin: 'organisation', teacher: 'organisation' },
    accept: { enterprise_admin: 'organisation' },
    reject: { school_admin: 'organisation', teacher: 'organisation', enterprise_admin: 'organisation' },
  },
  /**
   * 实习 after acceptance (issue 5, item 2). The grants say which roles may act at all; which side of one
   * internship the caller is on (school, enterprise, the student him/herself) is checked in
   * core/internships/parties.ts, so an enterprise admin cannot sign as the school nor a teacher as the student.
   */
  internship: {
    read: {
      city_admin: 'city',
      district: 'district',
      school_admin: 'organisation',
      teacher: 'organisation',
      enterprise_admin: 'organisation',
      student: 'self',
    },
    /** Generating (or, before any signature, regenerating) the agreement from the template. */
    draftAgreement: { school_admin: 'organisation', teacher: 'organisation', enterprise_admin: 'organisation' },
    /** The guardian's consent is recorded by the student's school (school_admin / teacher). */
    sign: { school_admin: 'organisation', teacher: 'organisation', enterprise_admin: 'organisation', student: 'self' },
    insure: { school_admin: 'organisation', enterprise_admin: 'organisation' },
    start: { school_admin: 'organisation', teacher: 'organisation', enterprise_admin: 'organisation' },
    /** Weekly logs and check-ins: the student's own. */
    log: { student: 'self' },
    /**
     * Mentors of either side comment on logs and give the mid-term and final evaluations: on the school's side
     * the teacher assigned to the intern or the school's administrator (core/internships/parties.ts mentorSide).
     */
    mentor: { school_admin: 'organisation', teacher: 'organisation', enterprise_admin: 'organisation' },
    /** Only the school's side confirms completion (and with it the credit-bank outcome): the assigned mentor or the administrator. */
    complete: { school_admin: 'organisation', teacher: 'organisation' },
    withdraw: { student: 'self' },
    terminate: { school_admin: 'organisation', teacher: 'organisation', enterprise_admin: 'organisation' },
    reassign: { school_admin: 'organisation' },
    /**
     * The regulation's two mentors: the school's administrator names one of its teachers, the enterprise names
     * its own person. Which mentor the caller may name is decided by the side (core/internships/parties.ts).
     */
    assignMentor: { school_admin: 'organisation', enterprise_admin: 'organisation' },
  },
  /** The school's alerts over its placements; a district its schools', the bureau all. */
  internshipAlert: {
    read: { city_admin: 'city', district: 'district', school_admin: 'organisation', teacher: 'organisation' },
  },
  /**
   * Internship figures. The 2%–3% post target (二 (二) 5): the enterprise its own, a district its district's
   * enterprises, the bureau and departments all. Placement rates: a school its own, a district its district's
   * schools. The violations list is the supervisors'. Rosters go to the parties of the placements (personal
   * data in clear only with studentPersonalInfo.read).
   */
  internshipStats: {
    share: { ...staffRead, enterprise_admin: 'organisation' },
    placements: { ...staffRead, school_admin: 'organisation' },
    violations: staffRead,
    roster: {
      city_admin: 'city',
      district: 'district',
      school_admin: 'organisation',
      teacher: 'organisation',
      enterprise_admin: 'organisation',
    },
  },
  auditLog: {
    read: { city_admin: 'city' },
  },
  /**
   * Spreadsheet import of a register (任务 item 4), one action per register. Schools and enterprises are
   * loaded by the bureau and districts; a school keeps its own programs, teachers and students, and a
   * district may correct its district's. Exports need only the list's read permission.
   */
  import: {
    schools: { city_admin: 'city', district: 'district' },
    enterprises: { city_admin: 'city', district: 'district' },
    programs: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
    teachers: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
    students: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
    /** 学习成果 in bulk (学分银行): issued by the organisation itself, as learningOutcome.issue. */
    outcomes: { school_admin: 'organisation', teacher: 'organisation', enterprise_admin: 'organisation' },
    /** 毕业去向 (issue 16): the school enters its own graduates' destinations. */
    destinations: { school_admin: 'organisation' },
  },
  /**
   * The search box: everyone finds the public register (what anonymous visitors see); beyond it, each role
   * finds the unpublished records it may read (pending and uncertified enterprises, its own organisation's).
   */
  search: {
    read: { ...staffRead, school_admin: 'organisation', teacher: 'organisation', enterprise_admin: 'organisation', student: 'self' },
    reindex: { city_admin: 'city' },
  },
  /**
   * The plan cockpit (大屏) and its indicators: the bureau and departments see the city, a district its own
   * district. Reported values come from the target's responsible units (the repository checks the unit).
   */
  cockpit: {
    read: staffRead,
  },
  indicator: {
    read: staffRead,
    report: { city_admin: 'organisation', department: 'organisation', district: 'organisation' },
    review: { city_admin: 'city' },
    recompute: { city_admin: 'city' },
    /** Choosing what the public statistics page shows. */
    publish: { city_admin: 'city' },
  },
  /**
   * Supervision of the task list (三 18): units report on their own tasks (the repository checks that the task
   * is the unit's), read their own reports (a district: its district's); the bureau reads and rates all.
   */
  supervision: {
    read: { city_admin: 'city', department: 'organisation', district: 'district' },
    report: { city_admin: 'organisation', department: 'organisation', district: 'organisation' },
    rate: { city_admin: 'city' },
    export: { city_admin: 'city' },
    /** Sending the overdue and due-soon reminders now, besides the daily run. */
    remind: { city_admin: 'city' },
  },
  /** A person's own inbox. */
  notification: {
    read: everyoneSelf,
    update: everyoneSelf,
  },
  /**
   * 学分银行 (二 (四) 11). Learners see their own account; schools their students' and the rules they are party
   * to; enterprises the accounts they opened and the outcomes they issued; the bureau everything. The
   * repositories (server/repositories/creditbank/) apply the party-specific scopes.
   */
  creditAccount: {
    read: {
      city_admin: 'city',
      district: 'district',
      school_admin: 'organisation',
      teacher: 'organisation',
      enterprise_admin: 'organisation',
      student: 'self',
      learner: 'self',
    },
    open: { city_admin: 'city', school_admin: 'organisation', enterprise_admin: 'organisation' },
  },
  learningOutcome: {
    read: {
      city_admin: 'city',
      district: 'district',
      school_admin: 'organisation',
      teacher: 'organisation',
      enterprise_admin: 'organisation',
      student: 'self',
      learner: 'self',
    },
    issue: { school_admin: 'organisation', teacher: 'organisation', enterprise_admin: 'organisation' },
    revoke: { city_admin: 'city', school_admin: 'organisation', enterprise_admin: 'organisation' },
  },
  recognitionRule: {
    read: {
      city_admin: 'city',
      district: 'district',
      school_admin: 'organisation',
      teacher: 'organisation',
      enterprise_admin: 'organisation',
    },
    /** Either party drafts and agrees; a rule is in force once both have agreed. */
    write: { school_admin: 'organisation', enterprise_admin: 'organisation' },
    archive: { city_admin: 'city', school_admin: 'organisation', enterprise_admin: 'organisation' },
  },
  creditTransfer: {
    read: {
      city_admin: 'city',
      district: 'district',
      school_admin: 'organisation',
      teacher: 'organisation',
      student: 'self',
      learner: 'self',
    },
    /** A learner who is not a student may ask too; the repository refuses a program they are not enrolled in, by name. */
    request: { school_admin: 'organisation', student: 'self', learner: 'self' },
    decide: { school_admin: 'organisation' },
  },
  creditLedger: {
    read: { city_admin: 'city', school_admin: 'organisation', student: 'self', learner: 'self' },
    compensate: { city_admin: 'city', school_admin: 'organisation' },
  },
  credential: {
    read: { city_admin: 'city', school_admin: 'organisation', student: 'self', learner: 'self' },
    issue: { city_admin: 'city', school_admin: 'organisation', student: 'self', learner: 'self' },
    revoke: { city_admin: 'city' },
  },
  /** The platform's signing keys: rotation and revocation are the bureau's. */
  credentialKey: {
    manage: { city_admin: 'city' },
  },
  creditBankStats: {
    read: { city_admin: 'city', department: 'city', district: 'district' },
  },
  /**
   * 需求 (二 (四) 11): enterprises post their own, the bureau posts on an enterprise's behalf; everyone signed in
   * reads open demands (drafts stay with their enterprise: the repository checks `create` for those).
   */
  demand: {
    read: {
      city_admin: 'city',
      department: 'city',
      district: 'city',
      school_admin: 'city',
      teacher: 'city',
      enterprise_admin: 'city',
      student: 'city',
    },
    create: { city_admin: 'city', enterprise_admin: 'organisation' },
    update: { city_admin: 'city', enterprise_admin: 'organisation' },
  },
  /** A student's skills, preferences and opt-ins: the student and the school keep them; staff read. */
  studentProfile: {
    read: { city_admin: 'city', district: 'district', school_admin: 'organisation', teacher: 'organisation', student: 'self' },
    update: { school_admin: 'organisation', teacher: 'organisation', student: 'self' },
  },
  /** A school's capability profile is assembled from the public register. */
  schoolProfile: {
    read: { city_admin: 'city', department: 'city', district: 'city', school_admin: 'city', teacher: 'city', enterprise_admin: 'city' },
  },
  /** Recommendations, each for the side that acts on them; the bureau's supply–demand view for staff. */
  matching: {
    forStudent: { student: 'self', school_admin: 'organisation', teacher: 'organisation' },
    forEnterprise: { city_admin: 'city', enterprise_admin: 'organisation' },
    forSchool: { city_admin: 'city', school_admin: 'organisation', teacher: 'organisation' },
    /** Opted-in students' names reach enterprises only through forEnterprise; this is counts only. */
    supplyDemand: { city_admin: 'city', department: 'city', district: 'district' },
  },
  /**
   * 人才供需月度序列与预测 (二 (五) 16): city-wide figures, read by the bureau and the departments; the bureau
   * re-measures the current month (the monthly job runs by itself too).
   */
  talentForecast: {
    read: { city_admin: 'city', department: 'city' },
    refresh: { city_admin: 'city' },
  },
  /**
   * 人才供需与就业状况年度报告 (二 (五) 16): the bureau drafts, edits and publishes it; departments read the drafts
   * with it. Once published anyone reads it on the public statistics page (public routes, no grant).
   */
  employmentReport: {
    read: { city_admin: 'city', department: 'city' },
    edit: { city_admin: 'city' },
  },
  /** The city-wide internship allocation: the bureau runs it for the city, a school for its own students. */
  allocation: {
    run: { city_admin: 'city', school_admin: 'organisation' },
    read: { city_admin: 'city', school_admin: 'organisation' },
  },
  /** Proposals of the allocation: the school and the enterprise of the pair each confirm or reject; the student sees theirs. */
  allocationProposal: {
    read: {
      city_admin: 'city',
      district: 'district',
      school_admin: 'organisation',
      teacher: 'organisation',
      enterprise_admin: 'organisation',
      student: 'self',
    },
    decide: { school_admin: 'organisation', enterprise_admin: 'organisation' },
  },
  /**
   * A person's request about their own data (个人信息保护法 第45条 copy, 第47条 deletion) is made to the bureau,
   * which runs the platform: it exports what the platform holds about a student, teacher or learner, and erases it.
   */
  /**
   * 企业年度申报 (二 (二) 5; 三 18): the enterprise declares its own facts once a year; its district and the bureau
   * read them (and the cockpit computes the training-fund targets from them). Nobody else writes an enterprise's figures.
   */
  declaration: {
    read: { city_admin: 'city', district: 'district', enterprise_admin: 'organisation' },
    save: { enterprise_admin: 'organisation' },
  },
  /**
   * State-owned enterprises' declarations (三 18, 任务清单 29: SOEs' vocational education in their performance
   * reviews), for the 国资委. Grants name roles, not units: every 市直部门 account holds it — a department reads
   * only the SOE rows and their totals, never a private enterprise's declaration.
   */
  stateOwnedDeclaration: {
    read: { city_admin: 'city', department: 'city' },
  },
  /**
   * 产教融合型企业 applications and their life (发改社会〔2019〕590号): the enterprise applies, publishes its plan and
   * reports yearly; its district pre-reviews; the bureau checks eligibility, records the expert panel's outcome,
   * enters the reserve, certifies and revokes; 发改委, 财政局 and the other departments follow the pipeline.
   */
  certificationCase: {
    read: { city_admin: 'city', department: 'city', district: 'district', enterprise_admin: 'organisation' },
    apply: { enterprise_admin: 'organisation' },
    report: { enterprise_admin: 'organisation' },
    attach: { city_admin: 'city', enterprise_admin: 'organisation' },
    districtReview: { district: 'district' },
    decide: { city_admin: 'city' },
  },
  /**
   * The surcharge credit a 产教融合型企业 earns (财税〔2019〕46号, issue 14 item 4), computed from its declarations: the
   * enterprise sees its own ledger; the bureau and the departments (the 税务 and 财政 units verify it) the city's list.
   */
  surchargeCredit: {
    read: { city_admin: 'city', department: 'city', enterprise_admin: 'organisation' },
  },
  /**
   * 毕业去向 (issue 16): the school enters its graduates' destinations (the bureau may correct); its district and the
   * bureau read them; an enterprise reads and confirms the ones naming it as employer; the student reads and
   * corrects his or her own (the correction waits for the school).
   */
  graduateDestination: {
    read: { city_admin: 'city', department: 'city', district: 'district', school_admin: 'organisation', teacher: 'organisation' },
    write: { city_admin: 'city', school_admin: 'organisation' },
    confirm: { enterprise_admin: 'organisation' },
    readOwn: { student: 'self' },
    correct: { student: 'self' },
  },
  /**
   * 生均财政拨款 (二 (五) 14, 任务清单 20): a school declares its own yearly figure; its district, the bureau and the
   * departments (the 市财政局 leads the task) read the declarations with their standing.
   */
  fundingDeclaration: {
    read: { city_admin: 'city', department: 'city', district: 'district', school_admin: 'organisation' },
    declare: { school_admin: 'organisation' },
  },
  /**
   * The local 普通高中 per-student figure, the 中职 schools' benchmark: everyone on staff reads it; a department
   * account enters it, and the repository accepts only the unit the policy names (funding.enteredBy, 市财政局) —
   * as indicator reports accept only a target's responsible units.
   */
  highSchoolFunding: {
    read: { city_admin: 'city', department: 'city', district: 'city', school_admin: 'city' },
    enter: { department: 'organisation' },
  },
  /**
   * 满意度调查 rounds (三 18, 任务清单 27): the bureau opens city-wide rounds, a school rounds for its own students,
   * graduates and partners; the bureau, departments, districts and schools read the results and response rates of
   * what their scope reaches (a school: its own figures only).
   */
  surveyRound: {
    read: { city_admin: 'city', department: 'city', district: 'district', school_admin: 'organisation' },
    open: { city_admin: 'city', school_admin: 'organisation' },
  },
  /** A respondent's own questionnaires (students and graduates, enterprises' administrators): only what they were sent. */
  surveyAnswer: {
    answer: { student: 'self', enterprise_admin: 'self' },
  },
  /**
   * Interns' ratings of an internship unit, aggregated above the minimum sample: the enterprise its own; staff,
   * schools, teachers and students any unit (they choose posts with them).
   */
  internshipRating: {
    read: {
      city_admin: 'city',
      department: 'city',
      district: 'city',
      school_admin: 'city',
      teacher: 'city',
      student: 'city',
      enterprise_admin: 'organisation',
    },
  },
  /**
   * 精品在线课程 (二 (四) 11): the providing school declares and corrects its courses; the partner enterprise reads the
   * courses it co-built; districts read their schools'; the bureau recognises them (what online_courses counts).
   */
  onlineCourse: {
    read: { ...staffRead, school_admin: 'organisation', teacher: 'organisation', enterprise_admin: 'organisation' },
    declare: { school_admin: 'organisation' },
    review: { city_admin: 'city' },
  },
  /**
   * The smart-campus standard and the schools' self-assessments against it: the bureau publishes the standard and
   * reviews the self-assessments (what smart_campus_share counts); a school assesses itself; districts read theirs.
   */
  smartCampus: {
    read: { ...staffRead, school_admin: 'organisation' },
    assess: { school_admin: 'organisation' },
    review: { city_admin: 'city' },
  },
  /** Applications to be a 智慧职教示范校: a school applies, the bureau decides (what smart_demo_schools counts). */
  smartDemoSchool: {
    read: { ...staffRead, school_admin: 'organisation' },
    apply: { school_admin: 'organisation' },
    decide: { city_admin: 'city' },
  },
  /**
   * 国际交流与合作 (二 (四) 13): the school or enterprise that owns the fact enters it with evidence; its district, the
   * bureau and the departments (市外办 shares the task) read; only the bureau verifies, and only verified records count.
   */
  internationalRecord: {
    read: { ...staffRead, school_admin: 'organisation', teacher: 'organisation', enterprise_admin: 'organisation' },
    write: { school_admin: 'organisation', enterprise_admin: 'organisation' },
    verify: { city_admin: 'city' },
  },
  /**
   * 劳动技术与职业体验课程 (二 (三) 7): the school that developed a course keeps it in the catalogue; its district,
   * the bureau and the departments (市人社局 shares the task) read them all. The open ones are public.
   */
  practicalCourse: {
    read: { ...staffRead, school_admin: 'organisation', teacher: 'organisation' },
    write: { school_admin: 'organisation' },
  },
  /** 留郑率 and 中职升学率 with their breakdown (masked graduates in the drill-down): the bureau, departments, districts. */
  graduateFigures: {
    read: staffRead,
  },
  /**
   * 质量年度报告 (三 18): a school or an enterprise writes and submits its own report, the bureau the city's 中职
   * report; the bureau reviews (returns or approves); a partner school confirms an enterprise's joint report (the
   * repository keeps that to the reports naming it). Districts and departments read; published reports are public.
   */
  qualityReport: {
    read: { city_admin: 'city', department: 'city', district: 'district', school_admin: 'organisation', enterprise_admin: 'organisation' },
    write: { city_admin: 'organisation', school_admin: 'organisation', enterprise_admin: 'organisation' },
    review: { city_admin: 'city' },
    confirm: { school_admin: 'organisation' },
  },
  personalData: {
    export: { city_admin: 'city' },
    erase: { city_admin: 'city' },
  },
  /**
   * 评审专家库 (issue 15). An expert is a user account the bureau puts in the pool (experts.user_id), not a role:
   * the expert keeps their own roles and reviews what is assigned to them.
   */
  expert: {
    read: { city_admin: 'city', department: 'city' },
    create: { city_admin: 'city' },
    update: { city_admin: 'city' },
  },
  /** A review round: the bureau any, a department the rounds of its own calls. */
  reviewRound: {
    read: { city_admin: 'city', department: 'organisation' },
    assign: { city_admin: 'city', department: 'organisation' },
  },
  /** An expert's own score sheets: any staff account may be in the pool; the repository keeps to the caller's sheets. */
  review: {
    score: {
      city_admin: 'self',
      department: 'self',
      district: 'self',
      school_admin: 'self',
      teacher: 'self',
      enterprise_admin: 'self',
    },
  },
  /**
   * 项目申报指南: the bureau (or a department) opens, reviews, decides and publishes its calls; every staff account
   * reads the open and published ones (drafts only their owner's staff, in the repository).
   */
  call: {
    read: {
      city_admin: 'city',
      department: 'city',
      district: 'city',
      school_admin: 'city',
      teacher: 'city',
      enterprise_admin: 'city',
    },
    manage: { city_admin: 'city', department: 'organisation' },
  },
  /**
   * 申报书: the applicant's administrator drafts, submits and withdraws; a co-applicant reads and confirms its part;
   * the call's owner reads them all (repository), a district those of its district's applicants.
   */
  callApplication: {
    read: {
      city_admin: 'city',
      district: 'district',
      school_admin: 'organisation',
      teacher: 'organisation',
      enterprise_admin: 'organisation',
    },
    write: { school_admin: 'organisation', enterprise_admin: 'organisation' },
  },
  /**
   * 职业教育质量评价 (三 18): the results, their evidence and the indicator system. A school reads its own; its
   * district, the departments and the bureau theirs; a 第三方评价机构 reads only the schools it is commissioned for
   * (the repository narrows its organisation grant to its commissions). The bureau runs the evaluation.
   */
  qualityResult: {
    read: { ...staffRead, school_admin: 'organisation', evaluator: 'organisation' },
    evaluate: { city_admin: 'city' },
  },
  /** A collected indicator is entered by the party that owns the fact: the school (its own), or the bureau. */
  qualityCollected: {
    read: { ...staffRead, school_admin: 'organisation', evaluator: 'organisation' },
    enter: { city_admin: 'city', school_admin: 'organisation' },
  },
  /** The bureau commissions evaluation organisations; an evaluator reads its own commissions. */
  qualityCommission: {
    read: { city_admin: 'city', evaluator: 'organisation' },
    manage: { city_admin: 'city' },
  },
  /** An evaluator's findings on the schools it is commissioned for; the bureau and the school read them. */
  qualityFinding: {
    write: { evaluator: 'organisation' },
  },
} as const satisfies Record<string, ResourcePolicy>;

export type Resource = keyof typeof POLICY;
export type Action<R extends Resource> = keyof (typeof POLICY)[R] & string;
export type Permission = { [R in Resource]: { resource: R; action: Action<R> } }[Resource];

export function grantsFor(permission: Permission): Grants {
  return (POLICY[permission.resource] as ResourcePolicy)[permission.action] ?? {};
}
