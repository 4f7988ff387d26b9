import { Alert } from 'antd';
import { errorMessage } from '../../api/client.ts';
import { violationsOf } from './api.ts';

/** A refusal with every rule it names: the rule's Chinese name, its article, and what to change. */
export function RuleViolations({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const list = violationsOf(error);
  if (!list.length) return <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} data-testid="refusal" />;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="refusal"
      message={title ?? '不符合《职业学校学生实习管理规定》'}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {list.map((v, i) => (
            <li key={i}>
              <b>{v.rule.name}</b>
              {v.rule.article && `（${v.rule.article}）`}：{v.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
