import type { ThemeConfig } from 'antd';

/** The platform's look: the city's government blue, compact radius, Chinese system fonts. */
export const BRAND = '#0f4c81';
export const SIDER_BG = '#0b2f52';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND,
    colorInfo: BRAND,
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { siderBg: SIDER_BG, headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 16px', bodyBg: '#f5f7fa', footerBg: '#f5f7fa' },
    Menu: { darkItemBg: SIDER_BG, darkSubMenuItemBg: '#08243f', darkItemSelectedBg: '#1f6fb5' },
  },
};
