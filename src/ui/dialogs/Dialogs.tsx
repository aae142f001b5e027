// Shows the dialog the store asks for (at most one at a time).
import { useSim } from '../../app/SimulatorProvider';
import { AboutDialog, ShortcutsDialog } from './InfoDialogs';
import { CreateTopicDialog } from './CreateTopicDialog';
import { ProducerDialog } from './ProducerDialog';
import { AddConsumerDialog, AddGroupDialog } from './GroupDialogs';
import { ResetOffsetsDialog } from './ResetOffsetsDialog';
import { SeekDialog } from './SeekDialog';
import { ShareDialog } from '../timeline/ShareDialog';
import { LessonListDialog } from '../lessons/LessonListDialog';

export function Dialogs() {
  const dialog = useSim((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'createTopic':
      return <CreateTopicDialog />;
    case 'addProducer':
      return <ProducerDialog />;
    case 'editProducer':
      return <ProducerDialog key={dialog.producerId} editId={dialog.producerId} />;
    case 'addGroup':
      return <AddGroupDialog />;
    case 'addConsumer':
      return <AddConsumerDialog groupId={dialog.groupId} />;
    case 'resetOffsets':
      return <ResetOffsetsDialog groupId={dialog.groupId} />;
    case 'seek':
      return <SeekDialog consumerId={dialog.consumerId} />;
    case 'about':
      return <AboutDialog />;
    case 'shortcuts':
      return <ShortcutsDialog />;
    case 'lessons':
      return <LessonListDialog />;
    case 'share':
      return <ShareDialog errors={dialog.errors} fileName={dialog.fileName} />;
  }
}
