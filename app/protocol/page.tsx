import { protocolRoute } from '@/components/site/routes';

const route = protocolRoute('default');

export const generateMetadata = route.generateMetadata;
export default route.Page;
