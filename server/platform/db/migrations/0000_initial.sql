CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"name_sort" text collate "C",
	"code" text NOT NULL,
	"district_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"password_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"actor_organisation_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"changes" jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "pii_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"fields" text[] NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "catalogue_editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"edition" text NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"is_demo_subset" boolean DEFAULT false NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "industries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE TABLE "industry_clusters" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"article" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "majors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"level" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_sort" text collate "C",
	"category_code" text NOT NULL,
	"category_name" text NOT NULL,
	"division_code" text NOT NULL,
	"division_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occupations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"size" text NOT NULL,
	"industry_code" text NOT NULL,
	"cluster_code" text,
	"staff_count" integer NOT NULL,
	"payroll_yuan" bigint,
	"above_designated_size" boolean DEFAULT false NOT NULL,
	"integration_status" text DEFAULT 'none' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "major_group_programs" (
	"group_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	CONSTRAINT "major_group_programs_pk" PRIMARY KEY("group_id","program_id")
);
--> statement-breakpoint
CREATE TABLE "major_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_sort" text collate "C",
	"cluster_code" text NOT NULL,
	"key_major" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_years" (
	"program_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"enrolment" integer,
	"graduates" integer,
	CONSTRAINT "program_years_pk" PRIMARY KEY("program_id","year")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"major_id" uuid NOT NULL,
	"start_year" integer NOT NULL,
	"enrolment" integer DEFAULT 0 NOT NULL,
	"practice_share" numeric(4, 3),
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schools" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"ownership" text NOT NULL,
	"enterprise_run" boolean DEFAULT false NOT NULL,
	"staffing_quota" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "students" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"program_id" uuid,
	"user_id" uuid,
	"name" text NOT NULL,
	"name_sort" text collate "C",
	"cohort" integer NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"id_number_cipher" text NOT NULL,
	"id_number_index" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"phone_cipher" text,
	"phone_masked" text,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_practice_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"teacher_id" uuid NOT NULL,
	"organisation_id" uuid,
	"enterprise_name" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teachers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"name_sort" text collate "C",
	"employment" text NOT NULL,
	"subject" text NOT NULL,
	"dual_qualified" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"subject_name" text,
	"dual_certificate_name" text,
	"dual_certificate_number" text,
	"dual_certificate_issuer" text,
	"dual_certificate_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"idempotency_key" text,
	"input" jsonb NOT NULL,
	"progress" jsonb DEFAULT '{"done":0,"total":null,"message":"排队中"}'::jsonb NOT NULL,
	"checkpoint" jsonb,
	"result" jsonb,
	"error" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"organisation_id" uuid,
	"locked_by" text,
	"heartbeat_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea",
	"created_by" uuid NOT NULL,
	"organisation_id" uuid,
	"job_id" uuid,
	"outcome" text,
	"issues" jsonb,
	"issue_count" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "teacher_id_numbers" (
	"teacher_id" uuid PRIMARY KEY NOT NULL,
	"id_number_cipher" text NOT NULL,
	"id_number_index" text NOT NULL,
	"id_number_masked" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"title" text NOT NULL,
	"subtitle" text,
	"tokens" "tsvector" NOT NULL,
	"district_id" uuid,
	"organisation_id" uuid,
	"is_public" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_documents_pk" PRIMARY KEY("entity_type","entity_id")
);
--> statement-breakpoint
CREATE TABLE "carrier_partners" (
	"carrier_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carrier_partners_pk" PRIMARY KEY("carrier_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "carriers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"name_sort" text collate "C",
	"level" text NOT NULL,
	"lead_organisation_id" uuid NOT NULL,
	"district_id" uuid,
	"cluster_code" text,
	"legal_person" boolean,
	"country" text,
	"start_date" date,
	"end_date" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"certified_at" date,
	"certifying_body" text,
	"operating_verified_at" timestamp with time zone,
	"operating_verified_by" uuid,
	"archived_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_industries" (
	"cluster_code" text NOT NULL,
	"industry_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cluster_industries_pk" PRIMARY KEY("cluster_code","industry_code")
);
--> statement-breakpoint
CREATE TABLE "cluster_majors" (
	"cluster_code" text NOT NULL,
	"major_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cluster_majors_pk" PRIMARY KEY("cluster_code","major_code")
);
--> statement-breakpoint
CREATE TABLE "enterprise_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "indicator_publications" (
	"code" text PRIMARY KEY NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"district_id" uuid,
	"organisation_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"value" double precision NOT NULL,
	"measured_on" date NOT NULL,
	"note" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"review_comment" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"submitted_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid,
	"status" text DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer
);
--> statement-breakpoint
CREATE TABLE "indicator_snapshots" (
	"run_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_snapshots_pk" PRIMARY KEY("run_id","scope")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"scope" text NOT NULL,
	"value" double precision,
	"numerator" double precision,
	"denominator" double precision,
	"measured_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"report_id" uuid,
	"run_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_practice_days" (
	"run_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"district_id" uuid,
	"days" integer NOT NULL,
	CONSTRAINT "teacher_practice_days_pk" PRIMARY KEY("run_id","teacher_id")
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"type" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_no" integer NOT NULL,
	"period" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"district_id" uuid,
	"unit_code" text NOT NULL,
	"text" text NOT NULL,
	"figures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"score" integer,
	"rating_comment" text,
	"rated_by" uuid,
	"rated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credential_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"public_key_multibase" text NOT NULL,
	"private_key_cipher" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "credentials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"outcome_id" uuid,
	"key_id" uuid NOT NULL,
	"document" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_no" text NOT NULL,
	"kind" text NOT NULL,
	"student_id" uuid,
	"user_id" uuid,
	"holder_name" text NOT NULL,
	"id_number_index" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"district_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_ledger" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"credits" numeric(8, 2) NOT NULL,
	"outcome_id" uuid,
	"transfer_item_id" uuid,
	"rule_id" uuid,
	"program_id" uuid,
	"course_code" text,
	"compensates_seq" bigint,
	"reason" text,
	"idempotency_key" text NOT NULL,
	"district_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_ledger_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "credit_ledger_head_single" CHECK ("credit_ledger_head"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "credit_transfer_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"transfer_id" uuid NOT NULL,
	"outcome_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"status" text NOT NULL,
	"rule_id" uuid,
	"course_code" text,
	"course_name" text,
	"credits" numeric(6, 2),
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"ledger_seq" bigint
);
--> statement-breakpoint
CREATE TABLE "credit_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"status" text NOT NULL,
	"idempotency_key" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "learning_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"issuer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text,
	"title" text NOT NULL,
	"field" text,
	"level" integer,
	"credits" numeric(6, 2),
	"grade" text,
	"hours" integer,
	"award_rank" text,
	"achieved_on" date NOT NULL,
	"evidence_url" text,
	"evidence_sha256" text,
	"evidence_note" text,
	"status" text DEFAULT 'active' NOT NULL,
	"revoked_reason" text,
	"idempotency_key" text NOT NULL,
	"district_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_key" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"scope" text NOT NULL,
	"issuer_id" uuid NOT NULL,
	"outcome_kind" text,
	"outcome_code" text,
	"field" text,
	"min_level" integer,
	"target_school_id" uuid NOT NULL,
	"target_program_id" uuid,
	"target_course_code" text NOT NULL,
	"target_course_name" text NOT NULL,
	"credit_mode" text NOT NULL,
	"credit_value" numeric(8, 2) NOT NULL,
	"max_credits" numeric(6, 2),
	"effective_from" date NOT NULL,
	"effective_to" date,
	"agreement_ref" text,
	"issuer_agreed_by" uuid,
	"issuer_agreed_at" timestamp with time zone,
	"school_agreed_by" uuid,
	"school_agreed_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"archived_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internship_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"source" text DEFAULT 'student' NOT NULL,
	"decisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internship_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_id" uuid,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"position_staff" integer NOT NULL,
	"major_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"places" integer NOT NULL,
	"places_taken" integer DEFAULT 0 NOT NULL,
	"monthly_pay_yuan" integer NOT NULL,
	"same_post_wage_yuan" integer NOT NULL,
	"daily_hours" integer NOT NULL,
	"weekly_hours" integer NOT NULL,
	"night_shift" boolean DEFAULT false NOT NULL,
	"holiday_work" boolean DEFAULT false NOT NULL,
	"overtime" boolean DEFAULT false NOT NULL,
	"workplace_kind" text,
	"tasks" text[] DEFAULT '{}'::text[] NOT NULL,
	"high_risk_filed" boolean DEFAULT false NOT NULL,
	"fees" text[] DEFAULT '{}'::text[] NOT NULL,
	"insurance" text NOT NULL,
	"via_intermediary" boolean DEFAULT false NOT NULL,
	"location" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internship_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"internship_id" uuid NOT NULL,
	"template_version" text NOT NULL,
	"text" text NOT NULL,
	"text_sha256" text NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internship_checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"internship_id" uuid NOT NULL,
	"date" date NOT NULL,
	"location" text,
	"hours" numeric(4, 1),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internship_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"internship_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"party" text NOT NULL,
	"score" integer NOT NULL,
	"comment" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internship_insurance" (
	"internship_id" uuid PRIMARY KEY NOT NULL,
	"insurer" text NOT NULL,
	"policy_no" text NOT NULL,
	"coverage_start" date NOT NULL,
	"coverage_end" date NOT NULL,
	"payer" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internship_log_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"log_id" uuid NOT NULL,
	"party" text NOT NULL,
	"author_id" uuid NOT NULL,
	"comment" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internship_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"internship_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"hours_worked" integer NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internship_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"party" text NOT NULL,
	"signed_by" uuid NOT NULL,
	"signer_name" text NOT NULL,
	"guardian_name" text,
	"guardian_relation" text,
	"text_sha256" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_id" uuid,
	"kind" text NOT NULL,
	"planned_start" date NOT NULL,
	"planned_end" date NOT NULL,
	"monthly_pay_yuan" integer NOT NULL,
	"same_post_wage_yuan" integer NOT NULL,
	"daily_hours" integer NOT NULL,
	"weekly_hours" integer NOT NULL,
	"location" text,
	"status" text DEFAULT 'accepted' NOT NULL,
	"started_on" date,
	"ended_on" date,
	"outcome" text,
	"end_reason" text,
	"replaces_id" uuid,
	"learning_outcome_id" uuid,
	"school_mentor_id" uuid,
	"enterprise_mentor_name" text,
	"enterprise_mentor_phone_cipher" text,
	"enterprise_mentor_phone_masked" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "allocation_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"score" numeric(6, 1) NOT NULL,
	"breakdown" jsonb NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"school_decision" text,
	"enterprise_decision" text,
	"reason" text,
	"application_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "allocation_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid,
	"scope" text NOT NULL,
	"school_id" uuid,
	"status" text DEFAULT 'running' NOT NULL,
	"students" integer DEFAULT 0 NOT NULL,
	"posts" integer DEFAULT 0 NOT NULL,
	"candidate_arcs" integer DEFAULT 0 NOT NULL,
	"proposed" integer DEFAULT 0 NOT NULL,
	"total_score" numeric(14, 1),
	"pruned_proposed" integer DEFAULT 0 NOT NULL,
	"pruned_total_score" numeric(14, 1),
	"pricing_rounds" integer DEFAULT 0 NOT NULL,
	"priced_arcs" integer DEFAULT 0 NOT NULL,
	"timings" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "demands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"internship_post_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"cluster_code" text,
	"industry_code" text,
	"major_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"certificates" text[] DEFAULT '{}'::text[] NOT NULL,
	"district_id" uuid,
	"start_date" date,
	"end_date" date,
	"headcount" integer,
	"budget_yuan" bigint,
	"monthly_pay_yuan" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "student_profiles" (
	"student_id" uuid PRIMARY KEY NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"certificates" text[] DEFAULT '{}'::text[] NOT NULL,
	"preferred_district_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"preferred_cluster_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"min_monthly_pay_yuan" integer,
	"available_from" date,
	"available_to" date,
	"seeking_internship" boolean DEFAULT false NOT NULL,
	"discoverable" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"name" text NOT NULL,
	"major_code" text NOT NULL,
	"hours" integer NOT NULL,
	"mode" text NOT NULL,
	"trainees" text,
	"capacity_per_year" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_series" (
	"month" text NOT NULL,
	"measure" text NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"value" integer NOT NULL,
	"source" text NOT NULL,
	"measured_at" timestamp with time zone NOT NULL,
	CONSTRAINT "talent_series_pk" PRIMARY KEY("measure","dimension","key","month")
);
--> statement-breakpoint
CREATE TABLE "certification_annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"submitted_on" date NOT NULL,
	"due_on" date NOT NULL,
	"figures" jsonb NOT NULL,
	"narrative" text NOT NULL,
	"submitted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certification_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"applied_on" date NOT NULL,
	"prefill" jsonb NOT NULL,
	"statement" text NOT NULL,
	"reserve_on" date,
	"plan_due_on" date,
	"plan_published_on" date,
	"plan_title" text,
	"plan_url" text,
	"level" text,
	"document_no" text,
	"certified_on" date,
	"objection_until" date,
	"valid_until" date,
	"expert_review_file_id" uuid,
	"expert_review_score" numeric(5, 1),
	"revoked_on" date,
	"revocation_reason" text,
	"banned_until" date,
	"last_comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"payroll_yuan" bigint NOT NULL,
	"fund_drawn_yuan" bigint NOT NULL,
	"fund_spent_yuan" bigint NOT NULL,
	"frontline_share_pct" numeric(5, 2) NOT NULL,
	"people_trained" integer NOT NULL,
	"vocational_investment_yuan" bigint,
	"education_surcharges_yuan" bigint,
	"sasac_level" text,
	"declared_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "graduate_destinations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"district_id" uuid,
	"program_id" uuid,
	"graduation_year" integer NOT NULL,
	"survey_point" text NOT NULL,
	"category_code" text NOT NULL,
	"category_group" text NOT NULL,
	"employer_name" text,
	"employer_organisation_id" uuid,
	"industry_code" text,
	"study_school" text,
	"study_level" text,
	"study_full_time" boolean,
	"location_district_id" uuid,
	"in_zhengzhou" boolean DEFAULT false NOT NULL,
	"note" text,
	"confirmation" text DEFAULT 'none' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"confirmation_note" text,
	"correction" jsonb,
	"correction_at" timestamp with time zone,
	"entered_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid,
	"affiliation" text,
	"title" text,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"review_subject_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"scores" jsonb,
	"total" numeric(8, 2),
	"comment" text,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"rubric" jsonb NOT NULL,
	"aggregation" text NOT NULL,
	"experts_per_subject" integer NOT NULL,
	"blind" boolean NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"held_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_subjects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"field" text,
	"applicant_organisation_ids" uuid[] NOT NULL,
	"applicant_names" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_application_members" (
	"application_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	CONSTRAINT "call_application_members_pk" PRIMARY KEY("application_id","teacher_id")
);
--> statement-breakpoint
CREATE TABLE "call_application_partners" (
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"part" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "call_application_partners_pk" PRIMARY KEY("application_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "call_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"applicant_organisation_id" uuid NOT NULL,
	"district_id" uuid,
	"title" text NOT NULL,
	"field" text,
	"requested_yuan" bigint NOT NULL,
	"sections" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"score" numeric(8, 2),
	"rank" integer,
	"decision" text,
	"award_yuan" bigint,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"applicant_organisation_id" uuid NOT NULL,
	"reasons" text NOT NULL,
	"raised_by" uuid,
	"raised_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"outcome" text,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"organisation_id" uuid NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"budget_yuan" bigint NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"review_round_id" uuid,
	"decided_at" timestamp with time zone,
	"published_on" date,
	"objection_ends_on" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"district_id" uuid,
	"year" integer NOT NULL,
	"appropriation_yuan" bigint NOT NULL,
	"students" integer NOT NULL,
	"per_student_yuan" integer NOT NULL,
	"note" text,
	"declared_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "high_school_funding" (
	"year" integer PRIMARY KEY NOT NULL,
	"per_student_yuan" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"entered_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_collected" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"district_id" uuid,
	"year" integer NOT NULL,
	"indicator_code" text NOT NULL,
	"value" numeric(14, 2) NOT NULL,
	"evidence" text NOT NULL,
	"entered_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_commission_schools" (
	"commission_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	CONSTRAINT "quality_commission_schools_pk" PRIMARY KEY("commission_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "quality_commissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"evaluator_id" uuid NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commission_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"text" text NOT NULL,
	"adjustment" numeric(4, 1) DEFAULT 0 NOT NULL,
	"author_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"school_id" uuid NOT NULL,
	"district_id" uuid,
	"system_version" integer NOT NULL,
	"data_date" date NOT NULL,
	"total" numeric(5, 1),
	"rank" integer,
	"dimensions" jsonb NOT NULL,
	"indicator_values" jsonb NOT NULL,
	"indicator_parts" jsonb NOT NULL,
	"previous_values" jsonb,
	"job_id" uuid,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"values" jsonb NOT NULL,
	"score" real NOT NULL,
	"free_text" text
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"respondent" text NOT NULL,
	"school_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"invited_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_participations" (
	"round_id" uuid NOT NULL,
	"respondent_key" text NOT NULL,
	CONSTRAINT "survey_participations_round_id_respondent_key_pk" PRIMARY KEY("round_id","respondent_key")
);
--> statement-breakpoint
CREATE TABLE "survey_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid,
	"school_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"closes_on" date NOT NULL,
	"questions" jsonb NOT NULL,
	"free_text_prompt" text NOT NULL,
	"policy_version" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "online_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"district_id" uuid,
	"partner_enterprise_id" uuid,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"major_codes" jsonb NOT NULL,
	"url" text NOT NULL,
	"credits" numeric(4, 1) NOT NULL,
	"enrolments" integer NOT NULL,
	"summary" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"declared_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "smart_campus_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"district_id" uuid,
	"standard_id" uuid NOT NULL,
	"items" jsonb NOT NULL,
	"met_items" integer NOT NULL,
	"meets" boolean NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "smart_campus_standards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"items" jsonb NOT NULL,
	"pass_items" integer NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "smart_demo_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"district_id" uuid,
	"statement" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"applied_by" uuid,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_report_partners" (
	"report_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "quality_report_partners_report_id_school_id_pk" PRIMARY KEY("report_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "quality_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"district_id" uuid,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"parts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tables" jsonb,
	"data_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "international_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"district_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"country" text NOT NULL,
	"partner" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"year" integer NOT NULL,
	"direction" text,
	"participant" text,
	"people" integer,
	"role" text,
	"awards" integer,
	"qualification" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"return_reason" text,
	"entered_by" uuid,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practical_course_partners" (
	"course_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	CONSTRAINT "practical_course_partners_course_id_enterprise_id_pk" PRIMARY KEY("course_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "practical_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"district_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"stages" text[] NOT NULL,
	"hours" integer NOT NULL,
	"summary" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"entered_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employment_reports" (
	"year" integer PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"foreword" text NOT NULL,
	"conclusion" text NOT NULL,
	"data_date" text NOT NULL,
	"drafted_by" uuid,
	"drafted_at" timestamp with time zone NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industries" ADD CONSTRAINT "industries_edition_id_catalogue_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "catalogue_editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "majors" ADD CONSTRAINT "majors_edition_id_catalogue_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "catalogue_editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupations" ADD CONSTRAINT "occupations_edition_id_catalogue_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "catalogue_editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_cluster_code_industry_clusters_code_fk" FOREIGN KEY ("cluster_code") REFERENCES "industry_clusters"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_group_programs" ADD CONSTRAINT "major_group_programs_group_id_major_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "major_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_group_programs" ADD CONSTRAINT "major_group_programs_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_groups" ADD CONSTRAINT "major_groups_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_groups" ADD CONSTRAINT "major_groups_cluster_code_industry_clusters_code_fk" FOREIGN KEY ("cluster_code") REFERENCES "industry_clusters"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_years" ADD CONSTRAINT "program_years_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_major_id_majors_id_fk" FOREIGN KEY ("major_id") REFERENCES "majors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_practice_periods" ADD CONSTRAINT "teacher_practice_periods_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "teachers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_practice_periods" ADD CONSTRAINT "teacher_practice_periods_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teachers" ADD CONSTRAINT "teachers_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teachers" ADD CONSTRAINT "teachers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_id_numbers" ADD CONSTRAINT "teacher_id_numbers_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "teachers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carrier_partners" ADD CONSTRAINT "carrier_partners_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carrier_partners" ADD CONSTRAINT "carrier_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carriers" ADD CONSTRAINT "carriers_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carriers" ADD CONSTRAINT "carriers_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carriers" ADD CONSTRAINT "carriers_cluster_code_industry_clusters_code_fk" FOREIGN KEY ("cluster_code") REFERENCES "industry_clusters"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carriers" ADD CONSTRAINT "carriers_operating_verified_by_users_id_fk" FOREIGN KEY ("operating_verified_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_industries" ADD CONSTRAINT "cluster_industries_cluster_code_industry_clusters_code_fk" FOREIGN KEY ("cluster_code") REFERENCES "industry_clusters"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_majors" ADD CONSTRAINT "cluster_majors_cluster_code_industry_clusters_code_fk" FOREIGN KEY ("cluster_code") REFERENCES "industry_clusters"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_registrations" ADD CONSTRAINT "enterprise_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_registrations" ADD CONSTRAINT "enterprise_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_registrations" ADD CONSTRAINT "enterprise_registrations_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_publications" ADD CONSTRAINT "indicator_publications_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_reports" ADD CONSTRAINT "indicator_reports_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_reports" ADD CONSTRAINT "indicator_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_reports" ADD CONSTRAINT "indicator_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_reports" ADD CONSTRAINT "indicator_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_snapshots" ADD CONSTRAINT "indicator_snapshots_run_id_indicator_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "indicator_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_run_id_indicator_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "indicator_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_practice_days" ADD CONSTRAINT "teacher_practice_days_run_id_indicator_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "indicator_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_rated_by_users_id_fk" FOREIGN KEY ("rated_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_account_id_credit_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "credit_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_outcome_id_learning_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "learning_outcomes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_key_id_credential_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "credential_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_accounts" ADD CONSTRAINT "credit_accounts_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_accounts" ADD CONSTRAINT "credit_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_accounts" ADD CONSTRAINT "credit_accounts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_transfer_items" ADD CONSTRAINT "credit_transfer_items_transfer_id_credit_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "credit_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_transfer_items" ADD CONSTRAINT "credit_transfer_items_outcome_id_learning_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "learning_outcomes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_transfer_items" ADD CONSTRAINT "credit_transfer_items_rule_id_recognition_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "recognition_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_transfers" ADD CONSTRAINT "credit_transfers_account_id_credit_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "credit_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_transfers" ADD CONSTRAINT "credit_transfers_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_transfers" ADD CONSTRAINT "credit_transfers_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_outcomes" ADD CONSTRAINT "learning_outcomes_account_id_credit_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "credit_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_outcomes" ADD CONSTRAINT "learning_outcomes_issuer_id_organisations_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_rules" ADD CONSTRAINT "recognition_rules_issuer_id_organisations_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_rules" ADD CONSTRAINT "recognition_rules_target_school_id_organisations_id_fk" FOREIGN KEY ("target_school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_rules" ADD CONSTRAINT "recognition_rules_target_program_id_programs_id_fk" FOREIGN KEY ("target_program_id") REFERENCES "programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_applications" ADD CONSTRAINT "internship_applications_post_id_internship_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "internship_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_applications" ADD CONSTRAINT "internship_applications_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_applications" ADD CONSTRAINT "internship_applications_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_applications" ADD CONSTRAINT "internship_applications_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_posts" ADD CONSTRAINT "internship_posts_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_posts" ADD CONSTRAINT "internship_posts_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_agreements" ADD CONSTRAINT "internship_agreements_internship_id_internships_id_fk" FOREIGN KEY ("internship_id") REFERENCES "internships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_checkins" ADD CONSTRAINT "internship_checkins_internship_id_internships_id_fk" FOREIGN KEY ("internship_id") REFERENCES "internships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_evaluations" ADD CONSTRAINT "internship_evaluations_internship_id_internships_id_fk" FOREIGN KEY ("internship_id") REFERENCES "internships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_evaluations" ADD CONSTRAINT "internship_evaluations_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_insurance" ADD CONSTRAINT "internship_insurance_internship_id_internships_id_fk" FOREIGN KEY ("internship_id") REFERENCES "internships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_log_comments" ADD CONSTRAINT "internship_log_comments_log_id_internship_logs_id_fk" FOREIGN KEY ("log_id") REFERENCES "internship_logs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_log_comments" ADD CONSTRAINT "internship_log_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_logs" ADD CONSTRAINT "internship_logs_internship_id_internships_id_fk" FOREIGN KEY ("internship_id") REFERENCES "internships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_signatures" ADD CONSTRAINT "internship_signatures_agreement_id_internship_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "internship_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_signatures" ADD CONSTRAINT "internship_signatures_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_application_id_internship_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "internship_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_post_id_internship_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "internship_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_school_mentor_id_teachers_id_fk" FOREIGN KEY ("school_mentor_id") REFERENCES "teachers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_proposals" ADD CONSTRAINT "allocation_proposals_run_id_allocation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "allocation_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_proposals" ADD CONSTRAINT "allocation_proposals_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_proposals" ADD CONSTRAINT "allocation_proposals_post_id_internship_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "internship_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_proposals" ADD CONSTRAINT "allocation_proposals_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_proposals" ADD CONSTRAINT "allocation_proposals_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_proposals" ADD CONSTRAINT "allocation_proposals_application_id_internship_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "internship_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_runs" ADD CONSTRAINT "allocation_runs_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_internship_post_id_internship_posts_id_fk" FOREIGN KEY ("internship_post_id") REFERENCES "internship_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_cluster_code_industry_clusters_code_fk" FOREIGN KEY ("cluster_code") REFERENCES "industry_clusters"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_profiles" ADD CONSTRAINT "student_profiles_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_annual_reports" ADD CONSTRAINT "certification_annual_reports_case_id_certification_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "certification_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_annual_reports" ADD CONSTRAINT "certification_annual_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_cases" ADD CONSTRAINT "certification_cases_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_declarations" ADD CONSTRAINT "enterprise_declarations_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_declarations" ADD CONSTRAINT "enterprise_declarations_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduate_destinations" ADD CONSTRAINT "graduate_destinations_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduate_destinations" ADD CONSTRAINT "graduate_destinations_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduate_destinations" ADD CONSTRAINT "graduate_destinations_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduate_destinations" ADD CONSTRAINT "graduate_destinations_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduate_destinations" ADD CONSTRAINT "graduate_destinations_employer_organisation_id_organisations_id_fk" FOREIGN KEY ("employer_organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduate_destinations" ADD CONSTRAINT "graduate_destinations_location_district_id_organisations_id_fk" FOREIGN KEY ("location_district_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduate_destinations" ADD CONSTRAINT "graduate_destinations_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduate_destinations" ADD CONSTRAINT "graduate_destinations_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_review_subject_id_review_subjects_id_fk" FOREIGN KEY ("review_subject_id") REFERENCES "review_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_subjects" ADD CONSTRAINT "review_subjects_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_application_members" ADD CONSTRAINT "call_application_members_application_id_call_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "call_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_application_members" ADD CONSTRAINT "call_application_members_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "teachers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_application_partners" ADD CONSTRAINT "call_application_partners_application_id_call_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "call_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_application_partners" ADD CONSTRAINT "call_application_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_applications" ADD CONSTRAINT "call_applications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_applications" ADD CONSTRAINT "call_applications_applicant_organisation_id_organisations_id_fk" FOREIGN KEY ("applicant_organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_applications" ADD CONSTRAINT "call_applications_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_objections" ADD CONSTRAINT "call_objections_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_objections" ADD CONSTRAINT "call_objections_application_id_call_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "call_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_objections" ADD CONSTRAINT "call_objections_applicant_organisation_id_organisations_id_fk" FOREIGN KEY ("applicant_organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_objections" ADD CONSTRAINT "call_objections_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_objections" ADD CONSTRAINT "call_objections_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_review_round_id_review_rounds_id_fk" FOREIGN KEY ("review_round_id") REFERENCES "review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_declarations" ADD CONSTRAINT "funding_declarations_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_declarations" ADD CONSTRAINT "funding_declarations_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_declarations" ADD CONSTRAINT "funding_declarations_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "high_school_funding" ADD CONSTRAINT "high_school_funding_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "high_school_funding" ADD CONSTRAINT "high_school_funding_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_collected" ADD CONSTRAINT "quality_collected_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_collected" ADD CONSTRAINT "quality_collected_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_collected" ADD CONSTRAINT "quality_collected_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_commission_schools" ADD CONSTRAINT "quality_commission_schools_commission_id_quality_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "quality_commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_commission_schools" ADD CONSTRAINT "quality_commission_schools_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_commissions" ADD CONSTRAINT "quality_commissions_evaluator_id_organisations_id_fk" FOREIGN KEY ("evaluator_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_commissions" ADD CONSTRAINT "quality_commissions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_findings" ADD CONSTRAINT "quality_findings_commission_id_quality_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "quality_commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_findings" ADD CONSTRAINT "quality_findings_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_findings" ADD CONSTRAINT "quality_findings_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_results" ADD CONSTRAINT "quality_results_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_results" ADD CONSTRAINT "quality_results_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "survey_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "survey_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_participations" ADD CONSTRAINT "survey_participations_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "survey_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_owner_id_organisations_id_fk" FOREIGN KEY ("owner_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_courses" ADD CONSTRAINT "online_courses_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_courses" ADD CONSTRAINT "online_courses_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_courses" ADD CONSTRAINT "online_courses_partner_enterprise_id_organisations_id_fk" FOREIGN KEY ("partner_enterprise_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_courses" ADD CONSTRAINT "online_courses_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_courses" ADD CONSTRAINT "online_courses_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smart_campus_assessments" ADD CONSTRAINT "smart_campus_assessments_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smart_campus_assessments" ADD CONSTRAINT "smart_campus_assessments_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smart_campus_assessments" ADD CONSTRAINT "smart_campus_assessments_standard_id_smart_campus_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "smart_campus_standards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smart_campus_assessments" ADD CONSTRAINT "smart_campus_assessments_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smart_campus_assessments" ADD CONSTRAINT "smart_campus_assessments_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smart_campus_standards" ADD CONSTRAINT "smart_campus_standards_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smart_demo_applications" ADD CONSTRAINT "smart_demo_applications_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smart_demo_applications" ADD CONSTRAINT "smart_demo_applications_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smart_demo_applications" ADD CONSTRAINT "smart_demo_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smart_demo_applications" ADD CONSTRAINT "smart_demo_applications_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_report_partners" ADD CONSTRAINT "quality_report_partners_report_id_quality_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "quality_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_report_partners" ADD CONSTRAINT "quality_report_partners_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_report_partners" ADD CONSTRAINT "quality_report_partners_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_reports" ADD CONSTRAINT "quality_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_reports" ADD CONSTRAINT "quality_reports_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_reports" ADD CONSTRAINT "quality_reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_reports" ADD CONSTRAINT "quality_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "international_records" ADD CONSTRAINT "international_records_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "international_records" ADD CONSTRAINT "international_records_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "international_records" ADD CONSTRAINT "international_records_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "international_records" ADD CONSTRAINT "international_records_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practical_course_partners" ADD CONSTRAINT "practical_course_partners_course_id_practical_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "practical_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practical_course_partners" ADD CONSTRAINT "practical_course_partners_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practical_courses" ADD CONSTRAINT "practical_courses_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practical_courses" ADD CONSTRAINT "practical_courses_district_id_organisations_id_fk" FOREIGN KEY ("district_id") REFERENCES "organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practical_courses" ADD CONSTRAINT "practical_courses_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_reports" ADD CONSTRAINT "employment_reports_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_reports" ADD CONSTRAINT "employment_reports_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_kind_code_uq" ON "organisations" USING btree ("kind","code");--> statement-breakpoint
CREATE INDEX "organisations_district_idx" ON "organisations" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "organisations_kind_idx" ON "organisations" USING btree ("kind") WHERE "organisations"."status" <> 'archived';--> statement-breakpoint
CREATE INDEX "organisations_kind_name_sort_idx" ON "organisations" USING btree ("kind","name_sort","id");--> statement-breakpoint
CREATE INDEX "organisations_name_sort_stale_idx" ON "organisations" USING btree ("id") WHERE "organisations"."name_sort" is null or substr("organisations"."name_sort", strpos("organisations"."name_sort", E'\t') + 1) <> "organisations"."name" collate "C";--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_user_org_role_uq" ON "memberships" USING btree ("user_id","organisation_id","role");--> statement-breakpoint
CREATE INDEX "memberships_org_idx" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree ("username");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "pii_access_log_user_idx" ON "pii_access_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_editions_kind_edition_uq" ON "catalogue_editions" USING btree ("kind","edition");--> statement-breakpoint
CREATE UNIQUE INDEX "industries_edition_code_uq" ON "industries" USING btree ("edition_id","code");--> statement-breakpoint
CREATE INDEX "industries_parent_idx" ON "industries" USING btree ("parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "majors_edition_code_uq" ON "majors" USING btree ("edition_id","code");--> statement-breakpoint
CREATE INDEX "majors_name_sort_stale_idx" ON "majors" USING btree ("id") WHERE "majors"."name_sort" is null or substr("majors"."name_sort", strpos("majors"."name_sort", E'\t') + 1) <> "majors"."name" collate "C";--> statement-breakpoint
CREATE UNIQUE INDEX "occupations_edition_code_uq" ON "occupations" USING btree ("edition_id","code");--> statement-breakpoint
CREATE INDEX "enterprises_cluster_idx" ON "enterprises" USING btree ("cluster_code");--> statement-breakpoint
CREATE INDEX "major_group_programs_program_idx" ON "major_group_programs" USING btree ("program_id");--> statement-breakpoint
CREATE UNIQUE INDEX "major_groups_school_name_uq" ON "major_groups" USING btree ("school_id","name");--> statement-breakpoint
CREATE INDEX "major_groups_cluster_idx" ON "major_groups" USING btree ("cluster_code");--> statement-breakpoint
CREATE INDEX "major_groups_name_sort_stale_idx" ON "major_groups" USING btree ("id") WHERE "major_groups"."name_sort" is null or substr("major_groups"."name_sort", strpos("major_groups"."name_sort", E'\t') + 1) <> "major_groups"."name" collate "C";--> statement-breakpoint
CREATE UNIQUE INDEX "programs_school_major_uq" ON "programs" USING btree ("school_id","major_id");--> statement-breakpoint
CREATE INDEX "programs_major_idx" ON "programs" USING btree ("major_id");--> statement-breakpoint
CREATE UNIQUE INDEX "students_id_number_index_uq" ON "students" USING btree ("id_number_index");--> statement-breakpoint
CREATE INDEX "students_school_idx" ON "students" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "students_program_idx" ON "students" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "students_active_name_idx" ON "students" USING btree ("name","id") WHERE "students"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "students_active_school_name_idx" ON "students" USING btree ("school_id","name","id") WHERE "students"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "students_active_name_sort_idx" ON "students" USING btree ("name_sort","id") WHERE "students"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "students_active_school_name_sort_idx" ON "students" USING btree ("school_id","name_sort","id") WHERE "students"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "students_name_sort_stale_idx" ON "students" USING btree ("id") WHERE "students"."name_sort" is null or substr("students"."name_sort", strpos("students"."name_sort", E'\t') + 1) <> "students"."name" collate "C";--> statement-breakpoint
CREATE INDEX "students_active_name_pattern_idx" ON "students" USING btree ("name" text_pattern_ops) WHERE "students"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "students_enrolled_school_idx" ON "students" USING btree ("school_id") WHERE "students"."status" = 'enrolled' and "students"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "students_user_idx" ON "students" USING btree ("user_id") WHERE "students"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "teacher_practice_periods_teacher_idx" ON "teacher_practice_periods" USING btree ("teacher_id");--> statement-breakpoint
CREATE INDEX "teachers_school_idx" ON "teachers" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "teachers_user_idx" ON "teachers" USING btree ("user_id") WHERE "teachers"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "teachers_active_name_idx" ON "teachers" USING btree ("name","id") WHERE "teachers"."status" <> 'archived';--> statement-breakpoint
CREATE INDEX "teachers_active_name_sort_idx" ON "teachers" USING btree ("name_sort","id") WHERE "teachers"."status" <> 'archived';--> statement-breakpoint
CREATE INDEX "teachers_name_sort_stale_idx" ON "teachers" USING btree ("id") WHERE "teachers"."name_sort" is null or substr("teachers"."name_sort", strpos("teachers"."name_sort", E'\t') + 1) <> "teachers"."name" collate "C";--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_kind_key_uq" ON "jobs" USING btree ("kind","idempotency_key");--> statement-breakpoint
CREATE INDEX "jobs_status_idx" ON "jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "jobs_created_by_idx" ON "jobs" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE INDEX "import_files_created_by_idx" ON "import_files" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_id_numbers_index_uq" ON "teacher_id_numbers" USING btree ("id_number_index");--> statement-breakpoint
CREATE INDEX "search_documents_tokens_idx" ON "search_documents" USING gin ("tokens");--> statement-breakpoint
CREATE INDEX "search_documents_title_trgm_idx" ON "search_documents" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_documents_organisation_idx" ON "search_documents" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "carrier_partners_organisation_idx" ON "carrier_partners" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "carriers_lead_idx" ON "carriers" USING btree ("lead_organisation_id");--> statement-breakpoint
CREATE INDEX "carriers_district_idx" ON "carriers" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "carriers_kind_idx" ON "carriers" USING btree ("kind","status") WHERE "carriers"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "carriers_name_sort_stale_idx" ON "carriers" USING btree ("id") WHERE "carriers"."name_sort" is null or substr("carriers"."name_sort", strpos("carriers"."name_sort", E'\t') + 1) <> "carriers"."name" collate "C";--> statement-breakpoint
CREATE INDEX "cluster_industries_industry_idx" ON "cluster_industries" USING btree ("industry_code");--> statement-breakpoint
CREATE INDEX "cluster_majors_major_idx" ON "cluster_majors" USING btree ("major_code");--> statement-breakpoint
CREATE INDEX "enterprise_registrations_org_idx" ON "enterprise_registrations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "enterprise_registrations_status_idx" ON "enterprise_registrations" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "indicator_reports_code_idx" ON "indicator_reports" USING btree ("code","status");--> statement-breakpoint
CREATE INDEX "indicator_reports_org_idx" ON "indicator_reports" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "indicator_runs_done_idx" ON "indicator_runs" USING btree ("status","finished_at");--> statement-breakpoint
CREATE INDEX "indicator_values_code_scope_idx" ON "indicator_values" USING btree ("code","scope","measured_at");--> statement-breakpoint
CREATE INDEX "indicator_values_run_idx" ON "indicator_values" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "evidence_files_owner_idx" ON "evidence_files" USING btree ("owner_kind","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_reports_task_period_org_uq" ON "task_reports" USING btree ("task_no","period","organisation_id");--> statement-breakpoint
CREATE INDEX "task_reports_org_idx" ON "task_reports" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "task_reports_period_idx" ON "task_reports" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "credential_keys_public_uq" ON "credential_keys" USING btree ("public_key_multibase");--> statement-breakpoint
CREATE UNIQUE INDEX "credential_keys_one_active_uq" ON "credential_keys" USING btree ("status") WHERE "credential_keys"."status" = 'active';--> statement-breakpoint
CREATE INDEX "credentials_account_idx" ON "credentials" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_accounts_no_uq" ON "credit_accounts" USING btree ("account_no");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_accounts_id_index_uq" ON "credit_accounts" USING btree ("id_number_index");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_accounts_student_uq" ON "credit_accounts" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "credit_accounts_user_idx" ON "credit_accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "credit_accounts_org_idx" ON "credit_accounts" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_ledger_key_uq" ON "credit_ledger" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "credit_ledger_account_idx" ON "credit_ledger" USING btree ("account_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_ledger_compensates_uq" ON "credit_ledger" USING btree ("compensates_seq");--> statement-breakpoint
CREATE INDEX "credit_transfer_items_transfer_idx" ON "credit_transfer_items" USING btree ("transfer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_transfer_items_outcome_program_uq" ON "credit_transfer_items" USING btree ("outcome_id","program_id") WHERE "credit_transfer_items"."status" <> 'rejected';--> statement-breakpoint
CREATE UNIQUE INDEX "credit_transfers_key_uq" ON "credit_transfers" USING btree ("account_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "credit_transfers_school_idx" ON "credit_transfers" USING btree ("school_id","status");--> statement-breakpoint
CREATE INDEX "credit_transfers_account_idx" ON "credit_transfers" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_outcomes_issuer_key_uq" ON "learning_outcomes" USING btree ("issuer_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "learning_outcomes_account_idx" ON "learning_outcomes" USING btree ("account_id","achieved_on");--> statement-breakpoint
CREATE INDEX "learning_outcomes_issuer_idx" ON "learning_outcomes" USING btree ("issuer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "recognition_rules_key_version_uq" ON "recognition_rules" USING btree ("rule_key","version");--> statement-breakpoint
CREATE INDEX "recognition_rules_target_idx" ON "recognition_rules" USING btree ("target_school_id","status");--> statement-breakpoint
CREATE INDEX "recognition_rules_issuer_idx" ON "recognition_rules" USING btree ("issuer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "internship_applications_live_uq" ON "internship_applications" USING btree ("post_id","student_id") WHERE "internship_applications"."status" in ('applied', 'school_approved', 'accepted');--> statement-breakpoint
CREATE INDEX "internship_applications_student_idx" ON "internship_applications" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "internship_applications_enterprise_idx" ON "internship_applications" USING btree ("enterprise_id","status");--> statement-breakpoint
CREATE INDEX "internship_applications_school_idx" ON "internship_applications" USING btree ("school_id","status");--> statement-breakpoint
CREATE INDEX "internship_posts_enterprise_idx" ON "internship_posts" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "internship_posts_status_idx" ON "internship_posts" USING btree ("status","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "internship_agreements_internship_uq" ON "internship_agreements" USING btree ("internship_id");--> statement-breakpoint
CREATE UNIQUE INDEX "internship_checkins_day_uq" ON "internship_checkins" USING btree ("internship_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "internship_evaluations_uq" ON "internship_evaluations" USING btree ("internship_id","stage","party");--> statement-breakpoint
CREATE INDEX "internship_log_comments_log_idx" ON "internship_log_comments" USING btree ("log_id");--> statement-breakpoint
CREATE UNIQUE INDEX "internship_logs_week_uq" ON "internship_logs" USING btree ("internship_id","week_start");--> statement-breakpoint
CREATE UNIQUE INDEX "internship_signatures_party_uq" ON "internship_signatures" USING btree ("agreement_id","party");--> statement-breakpoint
CREATE UNIQUE INDEX "internships_application_uq" ON "internships" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "internships_student_idx" ON "internships" USING btree ("student_id","status");--> statement-breakpoint
CREATE INDEX "internships_school_idx" ON "internships" USING btree ("school_id","status");--> statement-breakpoint
CREATE INDEX "internships_enterprise_idx" ON "internships" USING btree ("enterprise_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_user_dedupe_uq" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "allocation_proposals_live_uq" ON "allocation_proposals" USING btree ("student_id","post_id") WHERE "allocation_proposals"."status" in ('proposed', 'confirmed');--> statement-breakpoint
CREATE INDEX "allocation_proposals_run_idx" ON "allocation_proposals" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "allocation_proposals_school_idx" ON "allocation_proposals" USING btree ("school_id","status");--> statement-breakpoint
CREATE INDEX "allocation_proposals_enterprise_idx" ON "allocation_proposals" USING btree ("enterprise_id","status");--> statement-breakpoint
CREATE INDEX "allocation_proposals_student_idx" ON "allocation_proposals" USING btree ("student_id","status");--> statement-breakpoint
CREATE INDEX "allocation_runs_school_idx" ON "allocation_runs" USING btree ("school_id","created_at");--> statement-breakpoint
CREATE INDEX "demands_enterprise_idx" ON "demands" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "demands_status_kind_idx" ON "demands" USING btree ("status","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "demands_post_uq" ON "demands" USING btree ("internship_post_id") WHERE "demands"."internship_post_id" is not null;--> statement-breakpoint
CREATE INDEX "student_profiles_seeking_idx" ON "student_profiles" USING btree ("student_id") WHERE "student_profiles"."seeking_internship";--> statement-breakpoint
CREATE INDEX "student_profiles_discoverable_idx" ON "student_profiles" USING btree ("student_id") WHERE "student_profiles"."discoverable";--> statement-breakpoint
CREATE UNIQUE INDEX "training_courses_school_name_uq" ON "training_courses" USING btree ("school_id","name");--> statement-breakpoint
CREATE INDEX "training_courses_major_idx" ON "training_courses" USING btree ("major_code");--> statement-breakpoint
CREATE INDEX "talent_series_month_idx" ON "talent_series" USING btree ("month");--> statement-breakpoint
CREATE UNIQUE INDEX "certification_annual_reports_case_year_uq" ON "certification_annual_reports" USING btree ("case_id","year");--> statement-breakpoint
CREATE INDEX "certification_cases_enterprise_idx" ON "certification_cases" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "certification_cases_stage_idx" ON "certification_cases" USING btree ("stage");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_declarations_enterprise_year_uq" ON "enterprise_declarations" USING btree ("enterprise_id","year");--> statement-breakpoint
CREATE INDEX "enterprise_declarations_year_idx" ON "enterprise_declarations" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "graduate_destinations_student_point_uq" ON "graduate_destinations" USING btree ("student_id","survey_point");--> statement-breakpoint
CREATE INDEX "graduate_destinations_school_year_idx" ON "graduate_destinations" USING btree ("school_id","graduation_year");--> statement-breakpoint
CREATE INDEX "graduate_destinations_employer_idx" ON "graduate_destinations" USING btree ("employer_organisation_id") WHERE "graduate_destinations"."employer_organisation_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "experts_user_uq" ON "experts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "experts_organisation_idx" ON "experts" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_assignments_uq" ON "review_assignments" USING btree ("review_subject_id","expert_id");--> statement-breakpoint
CREATE INDEX "review_assignments_expert_idx" ON "review_assignments" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "review_assignments_round_idx" ON "review_assignments" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_rounds_owner_uq" ON "review_rounds" USING btree ("owner_kind","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_subjects_uq" ON "review_subjects" USING btree ("round_id","subject_kind","subject_id");--> statement-breakpoint
CREATE INDEX "review_subjects_applicants_idx" ON "review_subjects" USING gin ("applicant_organisation_ids");--> statement-breakpoint
CREATE INDEX "call_application_partners_org_idx" ON "call_application_partners" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "call_applications_applicant_uq" ON "call_applications" USING btree ("call_id","applicant_organisation_id");--> statement-breakpoint
CREATE INDEX "call_applications_applicant_idx" ON "call_applications" USING btree ("applicant_organisation_id");--> statement-breakpoint
CREATE INDEX "call_applications_district_idx" ON "call_applications" USING btree ("district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "call_objections_application_uq" ON "call_objections" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "call_objections_call_idx" ON "call_objections" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "calls_status_idx" ON "calls" USING btree ("status","closes_on");--> statement-breakpoint
CREATE INDEX "calls_kind_idx" ON "calls" USING btree ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_declarations_school_year_uq" ON "funding_declarations" USING btree ("school_id","year");--> statement-breakpoint
CREATE INDEX "funding_declarations_year_idx" ON "funding_declarations" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_collected_school_year_code_uq" ON "quality_collected" USING btree ("school_id","year","indicator_code");--> statement-breakpoint
CREATE INDEX "quality_commission_schools_school_idx" ON "quality_commission_schools" USING btree ("school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_commissions_evaluator_year_uq" ON "quality_commissions" USING btree ("evaluator_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_findings_commission_school_dimension_uq" ON "quality_findings" USING btree ("commission_id","school_id","dimension");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_results_year_school_uq" ON "quality_results" USING btree ("year","school_id");--> statement-breakpoint
CREATE INDEX "quality_results_school_idx" ON "quality_results" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "survey_answers_round_school_idx" ON "survey_answers" USING btree ("round_id","school_id");--> statement-breakpoint
CREATE INDEX "survey_answers_enterprise_idx" ON "survey_answers" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_round_user_subject_uq" ON "survey_invitations" USING btree ("round_id","user_id","subject");--> statement-breakpoint
CREATE INDEX "survey_invitations_user_idx" ON "survey_invitations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "survey_invitations_round_school_idx" ON "survey_invitations" USING btree ("round_id","school_id");--> statement-breakpoint
CREATE INDEX "survey_rounds_year_idx" ON "survey_rounds" USING btree ("year","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_rounds_owner_kind_year_uq" ON "survey_rounds" USING btree ("owner_id","kind","year") WHERE "survey_rounds"."owner_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_rounds_internship_year_uq" ON "survey_rounds" USING btree ("year") WHERE "survey_rounds"."kind" = 'internship_quality' and "survey_rounds"."owner_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "online_courses_school_title_uq" ON "online_courses" USING btree ("school_id","title");--> statement-breakpoint
CREATE INDEX "online_courses_status_idx" ON "online_courses" USING btree ("status","district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "smart_campus_assessments_school_standard_uq" ON "smart_campus_assessments" USING btree ("school_id","standard_id");--> statement-breakpoint
CREATE INDEX "smart_campus_assessments_status_idx" ON "smart_campus_assessments" USING btree ("standard_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "smart_demo_applications_school_uq" ON "smart_demo_applications" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "smart_demo_applications_status_idx" ON "smart_demo_applications" USING btree ("status");--> statement-breakpoint
CREATE INDEX "quality_report_partners_school_idx" ON "quality_report_partners" USING btree ("school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_reports_organisation_year_uq" ON "quality_reports" USING btree ("organisation_id","year");--> statement-breakpoint
CREATE INDEX "quality_reports_year_status_idx" ON "quality_reports" USING btree ("year","status");--> statement-breakpoint
CREATE INDEX "quality_reports_district_idx" ON "quality_reports" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "international_records_org_year_idx" ON "international_records" USING btree ("organisation_id","year");--> statement-breakpoint
CREATE INDEX "international_records_status_idx" ON "international_records" USING btree ("status","kind");--> statement-breakpoint
CREATE INDEX "practical_course_partners_enterprise_idx" ON "practical_course_partners" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "practical_courses_school_idx" ON "practical_courses" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "practical_courses_status_idx" ON "practical_courses" USING btree ("status","kind");