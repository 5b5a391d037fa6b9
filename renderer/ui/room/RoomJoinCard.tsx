import './room.css';
import { useTranslation } from 'react-i18next';
import type { RoomJoin } from '../../../shared/room-protocol';
import { QrCode } from './QrCode';

/**
 * How to join: the QR code, the address to type and the short code. The
 * laptop's room panel (from the room's status) and the room screen (from the
 * room state, which carries exactly these three) show the same card.
 */
export function RoomJoinCard({ join, size = 'normal' }: { join: Pick<RoomJoin, 'typedUrl' | 'code' | 'qr'>; size?: 'normal' | 'room' }) {
  const { t } = useTranslation();
  return (
    <div className={`room-join room-join--${size}`} data-testid="room-join">
      <QrCode qr={join.qr} label={t('room.panel.scan')} size={size === 'room' ? 360 : 200} />
      <div className="room-join__text">
        <p className="room-join__scan">{t('room.panel.scan')}</p>
        <p>
          {t('room.panel.orType')} <strong className="room-join__url" data-testid="room-url">{join.typedUrl}</strong>
        </p>
        <p>
          {t('room.panel.thenCode')} <strong className="room-join__code" data-testid="room-code">{join.code}</strong>
        </p>
      </div>
    </div>
  );
}
