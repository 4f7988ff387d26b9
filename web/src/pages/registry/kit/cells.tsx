import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatCell } from '../../../components/format.ts';

/** The name cell of a list: a link to the record, with a grey second line. */
export const NameCell = ({ to, name, sub }: { to: string; name: string; sub?: ReactNode }) => (
  <div style={{ minWidth: 140 }}>
    <Link to={to}>{name}</Link>
    {sub && (
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {sub}
        </Typography.Text>
      </div>
    )}
  </div>
);

/** A row on a phone: title line with tags, then grey facts. */
export const PhoneRow = ({ to, title, tags, lines }: { to: string; title: string; tags?: ReactNode; lines: ReactNode[] }) => (
  <div className="cj-phone-row">
    <div className="cj-phone-row-title">
      <Link to={to}>{title}</Link>
      {tags}
    </div>
    {lines.filter(Boolean).map((l, i) => (
      <div key={i} className="cj-phone-row-line">
        {l}
      </div>
    ))}
  </div>
);

export const num = (v: number | null | undefined) => formatCell(v ?? null);

export const YesTag = ({ yes, label, color = 'green' }: { yes: boolean | null | undefined; label: string; color?: string }) =>
  yes ? <Tag color={color}>{label}</Tag> : null;

/** Met / not met / not recorded against one of the plan's rules. */
export const MetTag = ({ met, yes = '达标', no = '未达标' }: { met: boolean | null; yes?: string; no?: string }) =>
  met === null ? <Tag>未填报</Tag> : met ? <Tag color="green">{yes}</Tag> : <Tag color="red">{no}</Tag>;

export const StatusTag = ({ status, labels }: { status: string; labels: Record<string, string> }) => {
  const color = status === 'archived' || status === 'closed' ? 'default' : status === 'pending' || status === 'planned' ? 'orange' : 'blue';
  return <Tag color={color}>{labels[status] ?? status}</Tag>;
};
