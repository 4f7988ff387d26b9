import { useMutation } from '@tanstack/react-query';
import { App, Button } from 'antd';
import type { Job } from '../../../../contracts/jobs.ts';
import { errorMessage, post } from '../../api/client.ts';
import { rolesOf, useMe } from '../../auth/session.tsx';

/**
 * The bureau's "remind now": reminders also go out daily, but after a deadline passes the bureau may not
 * want to wait for the next run. The server never tells a unit the same thing twice.
 */
export function RemindButton() {
  const me = useMe();
  const { message } = App.useApp();
  const send = useMutation({
    mutationFn: () => post<Job>('/api/tasks/reminders'),
    onSuccess: () => message.success('已开始发送提醒，各单位将在“消息”中看到逾期和即将截止的报送'),
    onError: (e) => message.error(errorMessage(e)),
  });
  if (!rolesOf(me).includes('city_admin')) return null;
  return (
    <Button loading={send.isPending} onClick={() => send.mutate()}>
      立即发送报送提醒
    </Button>
  );
}
