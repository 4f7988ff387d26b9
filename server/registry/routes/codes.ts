import { validateIdNumber, validateUscc } from '../../../core/codes/index.ts';
import { codeValidateRequest, codeValidateResponse } from '../../../contracts/codes.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { createRateLimiter } from '../../platform/http/rate-limit.ts';

/**
 * Public check of a 统一社会信用代码 or 身份证号码. The value is never logged: it travels in the body only.
 * Built per app so that each server process has its own rate-limit window.
 */
export function codeRoutes(): AnyRoute[] {
  const limiter = createRateLimiter(60, 60);
  const validate = defineRoute({
    method: 'POST',
    url: '/api/codes/validate',
    tags: ['codes'],
    access: 'public',
    skipCsrf: true,
    summary: '校验统一社会信用代码或身份证号码（公开，限流，不记录所查号码）',
    body: codeValidateRequest,
    response: codeValidateResponse,
    async handler({ body, req, services }) {
      limiter.hit(req.ip);
      const check = body.kind === 'uscc' ? validateUscc(body.value) : validateIdNumber(body.value, services.now());
      return check.valid ? { valid: true as const } : { valid: false as const, reason: check.reason };
    },
  });
  return [validate];
}
