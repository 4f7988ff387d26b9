import { CockpitView } from './CockpitPage.tsx';

/** The cockpit alone on a 1920 × 1080 display (no menu), scaled to the window. */
export default function ScreenPage() {
  return (
    <div className="cj-screen-page">
      <CockpitView fit="window" />
    </div>
  );
}
