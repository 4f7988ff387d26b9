import './cockpit.css';
import { FullscreenOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Skeleton, Space } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage, post } from '../../api/client.ts';
import { rolesOf, useMe } from '../../auth/session.tsx';
import { useIsDesktop } from '../../hooks/useMediaQuery.ts';
import { DrillModal, type DrillTarget } from './DrillModal.tsx';
import { PhoneCockpit } from './PhoneCockpit.tsx';
import { ScreenCockpit } from './ScreenCockpit.tsx';
import { useCockpit } from './useCockpit.ts';

/** Scales the 1920 × 1080 wall to its box (the page inside the app) or to the window (/screen). */
export function ScreenFrame({ children, fit }: { children: ReactNode; fit: 'width' | 'window' }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const el = ref.current!;
    const update = () => setScale(fit === 'window' ? Math.min(window.innerWidth / 1920, window.innerHeight / 1080) : el.clientWidth / 1920);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [fit]);
  return (
    <div
      ref={ref}
      className={fit === 'window' ? 'cj-screen-window' : undefined}
      style={fit === 'width' ? { width: '100%', height: 1080 * scale } : undefined}
    >
      <div style={{ width: 1920, height: 1080, transform: `scale(${scale})`, transformOrigin: 'top left' }}>{children}</div>
    </div>
  );
}

/** The cockpit: the wall on desktops, the stacked layout on phones; `?districtId=` for city-wide viewers. */
export function CockpitView({ fit }: { fit: 'width' | 'window' }) {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const districtId = params.get('districtId') ?? undefined;
  const q = useCockpit(districtId);
  const isDesktop = useIsDesktop();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const canPick = rolesOf(me).some((r) => r === 'city_admin' || r === 'department');
  const pick = (id: string | undefined) => setParams(id ? { districtId: id } : {});
  if (q.isPending) return <Skeleton active />;
  if (q.error) return <Alert type="error" showIcon message={q.error.message} />;
  const props = { data: q.data, canPickDistrict: canPick, onPickDistrict: pick, onDrill: setDrill };
  return (
    <>
      {isDesktop || fit === 'window' ? (
        <ScreenFrame fit={fit}>
          <ScreenCockpit {...props} />
        </ScreenFrame>
      ) : (
        <PhoneCockpit {...props} />
      )}
      <DrillModal target={drill} onClose={() => setDrill(null)} />
    </>
  );
}

export default function CockpitPage() {
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const isAdmin = rolesOf(me).includes('city_admin');
  const isDesktop = useIsDesktop();
  const recompute = useMutation({
    mutationFn: () => post<{ id: string }>('/api/indicators/recompute'),
    onSuccess: () => {
      message.success('已开始重算指标，完成后自动刷新');
      setTimeout(() => void queryClient.invalidateQueries({ queryKey: ['cockpit'] }), 3000);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <div data-testid="cockpit">
      <Space wrap style={{ marginBottom: 12 }}>
        {isDesktop && (
          <Link to={`/screen${params.toString() ? `?${params}` : ''}`}>
            <Button icon={<FullscreenOutlined />}>大屏模式</Button>
          </Link>
        )}
        {isAdmin && (
          <Button icon={<ReloadOutlined />} loading={recompute.isPending} onClick={() => recompute.mutate()}>
            重算指标
          </Button>
        )}
      </Space>
      <CockpitView fit="width" />
    </div>
  );
}
