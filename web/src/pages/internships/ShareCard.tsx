import { Alert, Card, Progress, Space, Tag, Typography } from 'antd';
import { RAG_STATUS_LABELS } from '../../../../contracts/internship-stats.ts';
import { errorMessage } from '../../api/client.ts';
import { percent, RAG_COLORS, usePostShareOne } from './stats-api.ts';

/** The share as a whole percentage of the range's lower bound (what the bar fills to, up to 100). */
const ofMin = (share: number, min: number) => Math.round((share / min) * 100);

/** The enterprise's own standing against the plan's range (from the policy file): places offered and interns taken, as shares of its staff. */
export function ShareCard({ enterpriseId }: { enterpriseId: string | undefined }) {
  const share = usePostShareOne(enterpriseId);
  if (share.error) return <Alert type="info" showIcon message={errorMessage(share.error)} style={{ marginBottom: 12 }} />;
  const d = share.data;
  const e = d?.enterprise;
  return (
    <Card
      size="small"
      loading={share.isLoading}
      style={{ marginBottom: 12 }}
      data-testid="share-card"
      title={d ? `${d.year}年实习岗位占比` : '实习岗位占比'}
      extra={e && <Tag color={RAG_COLORS[e.placesStatus]}>{RAG_STATUS_LABELS[e.placesStatus]}</Tag>}
    >
      {d &&
        e &&
        (e.aboveDesignatedSize && e.placesShare !== null ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              岗位占比 <b>{percent(e.placesShare, 2)}</b>，为下限 {percent(d.target.min, 0)} 的 {ofMin(e.placesShare, d.target.min)}%
            </Typography.Text>
            {/* The bar is progress towards the lower bound, and says so: its label is its own fill. */}
            <Progress
              percent={Math.min(100, ofMin(e.placesShare, d.target.min))}
              status={e.placesStatus === 'green' ? 'success' : 'active'}
              aria-label={`达到下限的${ofMin(e.placesShare, d.target.min)}%`}
            />
            <Typography.Text type="secondary">
              在岗职工 {e.staffCount} 人，应提供 {e.minPosts}—{e.maxPosts} 个实习岗位（{percent(d.target.min, 0)}—{percent(d.target.max, 0)}
              ，{d.target.article}）； 已提供 {e.placesOffered} 个，已接收实习生 {e.internsAccepted} 人（{percent(e.internsShare, 2)}）。
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">
            本企业不是规模以上企业或未登记职工人数，{percent(d.target.min, 0)}—{percent(d.target.max, 0)}的要求不适用；已提供{' '}
            {e.placesOffered} 个岗位。
          </Typography.Text>
        ))}
    </Card>
  );
}
