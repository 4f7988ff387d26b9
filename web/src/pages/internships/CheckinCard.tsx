import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { post as send } from '../../api/client.ts';
import { KEY } from './api.ts';
import { useCheckins, zhengzhouToday, type InternshipDetail, type Side } from './lifecycle-api.ts';
import { RuleViolations } from './RuleViolations.tsx';

/** A daily check-in: one tap with an optional place, no ritual beyond that; the last two weeks are listed. */
export function CheckinCard({ internship, side }: { internship: InternshipDetail; side: Side }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [location, setLocation] = useState(internship.location ?? '');
  const checkins = useCheckins(internship.id);
  const today = zhengzhouToday();
  const done = (checkins.data?.items ?? []).some((c) => c.date === today);
  const checkIn = useMutation({
    mutationFn: () =>
      send(`/api/internships/${internship.id}/checkins`, { date: today, ...(location.trim() && { location: location.trim() }) }),
    onSuccess: () => {
      message.success('今日已签到');
      void qc.invalidateQueries({ queryKey: [KEY, 'checkins'] });
    },
  });
  return (
    <Card size="small" title="每日签到" data-testid="checkins">
      {side === 'student' && internship.status === 'active' && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 8 }}>
          <RuleViolations error={checkIn.error} />
          <Input value={location} onChange={(e) => setLocation(e.target.value)} placeholder="签到地点（选填）" maxLength={200} />
          <Button
            type="primary"
            size="large"
            block
            disabled={done}
            loading={checkIn.isPending}
            onClick={() => checkIn.mutate()}
            data-testid="checkin"
          >
            {done ? `今天（${today}）已签到` : '今日签到'}
          </Button>
        </Space>
      )}
      <List
        size="small"
        loading={checkins.isLoading}
        dataSource={checkins.data?.items ?? []}
        locale={{ emptyText: '暂无签到' }}
        renderItem={(c) => (
          <List.Item>
            <Typography.Text>{c.date}</Typography.Text>
            <Typography.Text type="secondary">{c.location ?? ''}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
