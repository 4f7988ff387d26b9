import { z } from 'zod';
import { accountFields } from './accounts.ts';
import { pageOf, paging } from './common.ts';
import { ENTERPRISE_SIZES, enterpriseCreate } from './enterprises.ts';

/**
 * An enterprise registering itself on the public page: its register facts plus the admin account it will
 * sign in with once its district (or the bureau) approves. The password is the registrant's own.
 */
export const registrationRequest = z.strictObject({
  ...enterpriseCreate.shape,
  username: accountFields.shape.username,
  /** The contact person who will hold the enterprise_admin account. */
  displayName: accountFields.shape.displayName,
  password: z.string().max(256),
});
export type RegistrationRequest = z.infer<typeof registrationRequest>;

export const registrationSubmitted = z.object({
  id: z.string(),
  status: z.literal('pending'),
  message: z.string(),
});

export const REGISTRATION_STATUSES = ['pending', 'approved', 'rejected'] as const;

export const registrationListQuery = z.strictObject({
  status: z.enum(REGISTRATION_STATUSES).optional(),
  districtId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  ...paging,
});
export type RegistrationListQuery = z.infer<typeof registrationListQuery>;

export const registration = z.object({
  id: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewerName: z.string().nullable(),
  reason: z.string().nullable(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  size: z.enum(ENTERPRISE_SIZES),
  industryCode: z.string(),
  staffCount: z.number(),
  username: z.string(),
  contactName: z.string(),
});
export type Registration = z.infer<typeof registration>;
export const registrationPage = pageOf(registration);

export const registrationReject = z.strictObject({
  reason: z.string().trim().min(2, '请填写不予通过的理由').max(500, '理由不超过500字'),
});
