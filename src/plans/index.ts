/** The plans feature's front door: what other features, views and the app may use. */
export { HomePlans, MunicipalityPlan } from '@views/plans/municipality-plan';
export type { HomePlan } from '@views/plans/municipality-plan';
export { ProgressBar, StatusBadge } from '@views/plans/parts';
export { planAdminRoutes } from './admin-routes';
export { plansApi } from './api';
export { planRoutes } from './routes';
export { isOverdue, localDate, summarizeProgress } from './rules';
export {
  PLAN_ZONE,
  findMunicipalityPlan,
  findPublicItem,
  findVisiblePlan,
  listPublicPlanProgress,
  loadPlanDetail,
  planNewsBetween,
  type PlanNews,
} from './reads';
export { overdueByPlan, plansFor, type ManagedPlan } from './attention';
