import { indexRoute } from '@/components/site/routes';

const route = indexRoute('default');

export const generateMetadata = route.generateMetadata;
export default route.Page;
