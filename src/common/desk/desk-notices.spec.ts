import { Actor } from 'src/common/auth/actor';
import { DeskNotice, DeskNoticeBoard, DeskNoticeSource } from './desk-notices';

const actor = { userId: 1, role: 'officer', unitId: 1, bodyId: 1 } as unknown as Actor;
const notice = (text: string): DeskNotice => ({ tone: 'info', text, href: '/petugas', linkText: 'Buka' });

function source(name: string, result: () => Promise<DeskNotice[]>): DeskNoticeSource {
  return { deskNoticeSource: name, noticesFor: result };
}

describe('DeskNoticeBoard', () => {
  it('should list every registered source’s notices in the order the sources registered, each source once', async () => {
    const board = new DeskNoticeBoard();
    const first = source('first', () => Promise.resolve([notice('a'), notice('b')]));
    board.register(first);
    board.register(source('second', () => Promise.resolve([notice('c')])));
    board.register(first);
    await expect(board.noticesFor(actor, new Date())).resolves.toEqual([notice('a'), notice('b'), notice('c')]);
  });

  it('should leave a failing source out and still give the others', async () => {
    const board = new DeskNoticeBoard();
    board.register(source('broken', () => Promise.reject(new Error('boom'))));
    board.register(source('fine', () => Promise.resolve([notice('ok')])));
    await expect(board.noticesFor(actor, new Date())).resolves.toEqual([notice('ok')]);
  });

  it('should give no notices when nothing registered', async () => {
    await expect(new DeskNoticeBoard().noticesFor(actor, new Date())).resolves.toEqual([]);
  });
});
