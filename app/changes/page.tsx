import { changesIndexRoute } from '@/components/site/routes';

const route = changesIndexRoute();

export const metadata = route.metadata;
export default route.Page;
