import { Descriptions, Tag } from 'antd';
import type { Post } from './api.ts';
import { INSURANCE_LABELS, KIND_LABELS } from './labels.ts';

const yesNo = (v: boolean, yes: string) => (v ? <Tag color="red">{yes}</Tag> : '无');

/** A post's terms as a student weighs them: pay, hours, shifts, insurance, place and dates. */
export function PostTerms({ post, forOwner = false }: { post: Post; forOwner?: boolean }) {
  return (
    <Descriptions column={{ xs: 1, sm: 1, md: 2, xl: 3 }} size="small" bordered>
      <Descriptions.Item label="实习类型">{KIND_LABELS[post.kind]}</Descriptions.Item>
      <Descriptions.Item label="月报酬">{post.monthlyPayYuan.toLocaleString('zh-CN')} 元</Descriptions.Item>
      {forOwner && <Descriptions.Item label="相同岗位工资">{post.samePostWageYuan.toLocaleString('zh-CN')} 元</Descriptions.Item>}
      <Descriptions.Item label="工作时间">
        每天 {post.dailyHours} 小时，每周 {post.weeklyHours} 小时
      </Descriptions.Item>
      <Descriptions.Item label="夜班">{yesNo(post.nightShift, '有夜班')}</Descriptions.Item>
      <Descriptions.Item label="节假日/加班">
        {post.holidayWork || post.overtime ? (
          <>
            {post.holidayWork && <Tag color="red">法定节假日</Tag>}
            {post.overtime && <Tag color="red">加班</Tag>}
          </>
        ) : (
          '无'
        )}
      </Descriptions.Item>
      <Descriptions.Item label="实习责任保险">{INSURANCE_LABELS[post.insurance]}</Descriptions.Item>
      <Descriptions.Item label="名额">
        共 {post.places} 个，剩余 {Math.max(0, post.places - post.placesTaken)} 个
      </Descriptions.Item>
      <Descriptions.Item label="实习期">
        {post.startDate} 至 {post.endDate}
      </Descriptions.Item>
      <Descriptions.Item label="地点">{[post.districtName, post.location].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
      <Descriptions.Item label="面向专业">
        {post.majors.length ? post.majors.map((m) => <Tag key={m.code}>{m.name}</Tag>) : '不限专业'}
      </Descriptions.Item>
      {forOwner && <Descriptions.Item label="同类岗位在岗职工">{post.positionStaff} 人</Descriptions.Item>}
    </Descriptions>
  );
}
