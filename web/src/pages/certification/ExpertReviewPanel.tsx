import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { roundResults } from '../../../../contracts/expert-review.ts';
import { errorMessage, get, post, postFile } from '../../api/client.ts';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { KEY, type Case } from './api.ts';

type Round = z.infer<typeof roundResults>;
type Sheet = Round['subjects'][number]['sheets'][number];

/**
 * The expert-review stage of a case, for the bureau: open the review round (shared expert review), assign the
 * panel (experts of the enterprise and its partners are never assigned), follow the sheets as experts score them
 * on 我的评审任务, and — every sheet in — conclude: the aggregate against the pass score decides; nothing is typed.
 */
export function ExpertReviewPanel({ c, onDone }: { c: Case; onDone: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [fileId, setFileId] = useState<string | null>(null);
  const roundId = c.reviewRound?.id ?? null;
  const round = useQuery({
    queryKey: [KEY, 'round', roundId],
    enabled: !!roundId,
    queryFn: () => get<Round>(`/api/review-rounds/${roundId}`),
  });
  const run = useMutation({
    mutationFn: ({ url, body }: { url: string; body: Record<string, unknown> }) => post<unknown>(url, body),
    onSuccess: (_, v) => {
      void qc.invalidateQueries({ queryKey: [KEY] });
      void message.success(
        v.url.endsWith('/decisions') ? '评审结论已确认' : v.url.endsWith('/assignment') ? '专家已分配' : '已发起专家评审',
      );
      onDone();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const subject = round.data?.subjects[0];
  const sheets = subject?.sheets ?? [];
  const anyIn = sheets.some((s) => s.submittedAt);
  const allIn = sheets.length > 0 && subject!.submitted === sheets.length;
  const pass = c.reviewRound?.passScore;

  if (c.stage === 'eligible' && !roundId)
    return (
      <Space direction="vertical" data-testid="expert-review-panel">
        <Typography.Text type="secondary">
          资格审查已通过。发起专家评审后，从评审专家库分配专家（申报企业及其合作单位的专家自动回避），专家在“我的评审任务”中按评分细则打分。
        </Typography.Text>
        <Button
          type="primary"
          loading={run.isPending}
          data-testid="review-open"
          onClick={() => run.mutate({ url: `/api/certification/cases/${c.id}/expert-review`, body: { version: c.version } })}
        >
          发起专家评审
        </Button>
      </Space>
    );
  if (!roundId) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="expert-review-panel">
      <Typography.Text strong>专家评审</Typography.Text>
      {round.data && (
        <Typography.Text type="secondary">
          每份 {round.data.expertsPerSubject} 名专家，{round.data.aggregation === 'trimmed_mean' ? '去掉最高分和最低分后平均' : '算术平均'}
          ；汇总分不低于 {pass} 分为通过。
          {round.data.status === 'closed' ? '评审已结束。' : ''}
        </Typography.Text>
      )}
      {c.stage === 'eligible' && round.data && round.data.status !== 'closed' && !anyIn && (
        <Button
          loading={run.isPending}
          data-testid="review-assign"
          onClick={() => run.mutate({ url: `/api/review-rounds/${roundId}/assignment`, body: { version: round.data!.version } })}
        >
          {round.data.status === 'assigned' ? '重新分配专家' : '分配评审专家'}
        </Button>
      )}
      {sheets.length > 0 && (
        <ResponsiveTable<Sheet>
          rows={sheets}
          rowKey={(s) => s.assignmentId}
          pageSize={20}
          rowTestId="review-sheet"
          empty="尚未分配专家"
          primary={{ key: 'expert', title: '专家', render: (s) => s.expertName }}
          columns={[
            {
              key: 'total',
              title: '评分',
              render: (s) =>
                s.submittedAt ? (
                  <Space size={4}>
                    {s.total} 分{s.outlier && <Tag color="orange">偏离</Tag>}
                  </Space>
                ) : (
                  <Tag color="blue">待评</Tag>
                ),
            },
            { key: 'comment', title: '评审意见', render: (s) => s.comment ?? '—' },
          ]}
        />
      )}
      {subject && sheets.length > 0 && (
        <Alert
          type={allIn ? (subject.score !== null && pass !== undefined && subject.score >= pass ? 'success' : 'error') : 'info'}
          showIcon
          message={
            allIn
              ? `汇总分 ${subject.score} 分（通过分 ${pass} 分）：${subject.score! >= pass! ? '通过' : '未通过'}`
              : `已提交 ${subject.submitted} / ${sheets.length} 份评分${subject.score !== null ? `，当前汇总 ${subject.score} 分` : ''}；全部提交后方可确认结论`
          }
        />
      )}
      {c.stage === 'eligible' && allIn && (
        <Space wrap>
          <Upload
            maxCount={1}
            customRequest={async ({ file, onSuccess, onError }) => {
              try {
                const f = await postFile<{ id: string }>(
                  `/api/certification/cases/${c.id}/evidence?fileName=${encodeURIComponent((file as File).name)}`,
                  file as File,
                  { 'content-type': 'application/octet-stream' },
                );
                setFileId(f.id);
                onSuccess?.(f);
              } catch (e) {
                void message.error(errorMessage(e));
                onError?.(e as Error);
              }
            }}
          >
            <Button>上传专家组评审意见（可选）</Button>
          </Upload>
          <Button
            type="primary"
            loading={run.isPending}
            data-testid="review-conclude"
            onClick={() =>
              run.mutate({
                url: `/api/certification/cases/${c.id}/decisions`,
                body: { transition: 'recordExpertReview', ...(fileId ? { documentFileId: fileId } : {}), version: c.version },
              })
            }
          >
            确认评审结论（{subject!.score! >= pass! ? '通过，待纳入培育储备库' : '未通过'}）
          </Button>
        </Space>
      )}
    </Space>
  );
}
