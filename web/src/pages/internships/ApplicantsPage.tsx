import { Typography } from 'antd';
import { DecisionList } from './DecisionList.tsx';

/** The enterprise's applicants: accept those the school approved (never beyond the places and the caps), or refuse. */
export default function ApplicantsPage() {
  return (
    <div data-testid="internship-applicants">
      <div className="cj-page-head">
        <Typography.Title level={4}>实习申请与接收</Typography.Title>
      </div>
      <DecisionList side="enterprise" />
    </div>
  );
}
