import { Typography } from 'antd';
import { DecisionList } from './DecisionList.tsx';

/** The school's queue of its students' applications to approve or refuse. */
export default function ReviewPage() {
  return (
    <div data-testid="internship-review">
      <div className="cj-page-head">
        <Typography.Title level={4}>实习申请审核</Typography.Title>
      </div>
      <DecisionList side="school" />
    </div>
  );
}
