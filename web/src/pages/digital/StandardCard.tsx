import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, List, Tag, Typography, message } from 'antd';
import { errorMessage, post } from '../../api/client.ts';
import { KEY, type Standard } from './api.ts';

/** The smart-campus standard in force, item by item with its article; the bureau publishes the policy file's when it changed. */
export function StandardCard({ standard, canPublish }: { standard: Standard; canPublish: boolean }) {
  const qc = useQueryClient();
  const shown = standard.published ?? standard.policy;
  const publish = async () => {
    try {
      await post('/api/digital/smart-campus/standard');
      await qc.invalidateQueries({ queryKey: [KEY] });
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={standard.published ? `${shown.title}（${standard.published.publishedAt} 发布）` : `${shown.title}（尚未发布）`}
      extra={
        canPublish &&
        standard.policyChanged && (
          <Button type="primary" size="small" onClick={() => void publish()} data-testid="standard-publish">
            {standard.published ? '发布新版本' : '发布标准'}
          </Button>
        )
      }
      data-testid="standard-card"
    >
      <Typography.Paragraph type="secondary">
        依据：{standard.policy.article}。共 {shown.items.length} 条，必备条目全部达到且达到不少于 {shown.passItems} 条为达标。
      </Typography.Paragraph>
      {standard.published && standard.policyChanged && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} message="政策文件中的标准已修订，发布新版本后学校须按新版本重新自评" />
      )}
      <List
        size="small"
        dataSource={shown.items}
        renderItem={(i) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  {i.name} {i.required ? <Tag color="blue">必备</Tag> : <Tag>可选</Tag>}
                </>
              }
              description={`${i.text}（${i.article}）`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
