import { Space, Tag } from 'antd';
import type { Declaration } from './api.ts';

const DRAWN = { below: ['低于下限', 'red'], within: ['在区间内', 'green'], above: ['高于上限', 'orange'] } as const;

/** A declaration against the plan's training-fund rules (二 (二) 5): the drawn share's range and the front-line floor. */
export function Standing({ d }: { d: Pick<Declaration, 'standing' | 'frontlineSharePct'> }) {
  const s = d.standing;
  return (
    <Space size={4} wrap data-testid="standing">
      {s.drawn && (
        <Tag color={DRAWN[s.drawn][1]}>
          提取 {s.drawnSharePct}%（{s.rules.drawnMinPct}%—{s.rules.drawnMaxPct}%）{DRAWN[s.drawn][0]}
        </Tag>
      )}
      <Tag color={s.frontlineMeets ? 'green' : 'red'}>
        一线 {d.frontlineSharePct}%（≥{s.rules.frontlineMinPct}%）{s.frontlineMeets ? '达标' : '未达标'}
      </Tag>
    </Space>
  );
}
