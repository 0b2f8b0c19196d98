import { builtinsRoute } from '@/components/site/routes';

const route = builtinsRoute('default');

export const generateMetadata = route.generateMetadata;
export default route.Page;
