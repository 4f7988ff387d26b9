import { z } from 'zod';

export const codeValidateRequest = z.strictObject({
  kind: z.enum(['uscc', 'idNumber']),
  value: z.string().max(64, '内容过长'),
});
export const codeValidateResponse = z.union([
  z.object({ valid: z.literal(true) }),
  z.object({ valid: z.literal(false), reason: z.string() }),
]);
