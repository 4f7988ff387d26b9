/** Labels the public pages show for codes the directory API returns: one map per enum, beside the enum in contracts/. */
export { MAJOR_LEVEL_LABELS } from '../../../../contracts/programs.ts';
export { OWNERSHIP_LABELS } from '../../../../contracts/registry.ts';
