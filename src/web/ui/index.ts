// A small kit of dumb components: no data fetching, no translations; labels come in as props.
export { Button } from './Button.tsx';
export { TextField, TextArea, SelectField, CheckList } from './Field.tsx';
export { Panel, PageHeader } from './Panel.tsx';
export { Alert, Loading, Empty } from './Alert.tsx';
export { Badge, type Tone } from './Badge.tsx';
export { Dialog } from './Dialog.tsx';
export { Progress } from './Progress.tsx';
export { Pager, type PagerLabels } from './Pager.tsx';
export { DefinitionList } from './DefinitionList.tsx';
export { Stat } from './Stat.tsx';
