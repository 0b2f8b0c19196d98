import { homeRoute } from '@/components/site/routes';

const route = homeRoute('default');

export const generateMetadata = route.generateMetadata;
export default route.Page;
