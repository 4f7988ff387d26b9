import { passwordProblem } from '../../../core/auth/password-policy.ts';
import { AppError } from '../../../core/errors.ts';
import { idParams } from '../../../contracts/common.ts';
import {
  registration,
  registrationListQuery,
  registrationPage,
  registrationReject,
  registrationRequest,
  registrationSubmitted,
} from '../../../contracts/registrations.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { createRateLimiter } from '../../platform/http/rate-limit.ts';
import { checkedUscc } from '../repository/enterprise-refs.ts';
import { getRegistration, listRegistrations, reviewRegistration, submitRegistration } from '../repository/registrations.ts';

/** Registrations a client address may submit per hour: enough for an office, too few for a flood. */
const REGISTRATIONS_PER_HOUR = 20;

/**
 * Enterprise self-registration (public, rate-limited, CSRF-exempt like sign-in: the registrant has no
 * session yet) and its review by the district or the bureau. Built per app so each process has its window.
 */
export function registrationRoutes(): AnyRoute[] {
  const limiter = createRateLimiter(REGISTRATIONS_PER_HOUR, 3600);

  const submit = defineRoute({
    method: 'POST',
    url: '/api/registrations',
    tags: ['registrations'],
    access: 'public',
    skipCsrf: true,
    status: 201,
    summary: '企业自主注册（公开，限流）：提交后待所在区县(市)或市教育局审核，通过后方可登录',
    body: registrationRequest,
    response: registrationSubmitted,
    async handler({ body, req, services, write }) {
      limiter.hit(req.ip);
      const uscc = checkedUscc(body.uscc);
      const problem = passwordProblem(body.password, body.username);
      if (problem) throw new AppError('WEAK_PASSWORD', problem, { fields: { password: problem } });
      const passwordHash = await hashPassword(body.password);
      const { id } = await write((tx, audit) => submitRegistration(tx, audit, { ...body, uscc }, passwordHash, services.now()));
      return { id, status: 'pending' as const, message: '注册申请已提交，待所在区县(市)或市教育局审核通过后即可登录' };
    },
  });

  const list = defineRoute({
    method: 'GET',
    url: '/api/registrations',
    tags: ['registrations'],
    access: { resource: 'enterpriseRegistration', action: 'read' },
    summary: '企业注册申请（区县限本区县）',
    query: registrationListQuery,
    response: registrationPage,
    handler: ({ services, access, query }) => listRegistrations(services.database.db, access, query),
  });

  const detail = defineRoute({
    method: 'GET',
    url: '/api/registrations/:id',
    tags: ['registrations'],
    access: { resource: 'enterpriseRegistration', action: 'read' },
    summary: '企业注册申请详情',
    params: idParams,
    response: registration,
    handler: ({ services, access, params }) => getRegistration(services.database.db, access, params.id),
  });

  const approve = defineRoute({
    method: 'POST',
    url: '/api/registrations/:id/approve',
    tags: ['registrations'],
    access: { resource: 'enterpriseRegistration', action: 'review' },
    summary: '通过企业注册：启用企业和其管理员账号',
    params: idParams,
    response: registration,
    handler: ({ access, actor, params, services, write }) =>
      write((tx, audit) => reviewRegistration(tx, audit, access, actor!.userId, params.id, { approve: true }, services.now())),
  });

  const reject = defineRoute({
    method: 'POST',
    url: '/api/registrations/:id/reject',
    tags: ['registrations'],
    access: { resource: 'enterpriseRegistration', action: 'review' },
    summary: '不予通过企业注册（须说明理由）',
    params: idParams,
    body: registrationReject,
    response: registration,
    handler: ({ access, actor, params, body, services, write }) =>
      write((tx, audit) =>
        reviewRegistration(tx, audit, access, actor!.userId, params.id, { approve: false, reason: body.reason }, services.now()),
      ),
  });

  return [submit, list, detail, approve, reject];
}
