import { useTranslation } from 'react-i18next';
import type { RoomJoin } from '../../../shared/room-protocol';
import { QrCode } from './QrCode';

/** How to join: the QR code, the address to type and the short code. The laptop and the room screen show the same. */
export function RoomJoinCard({ join, size = 'normal' }: { join: RoomJoin; size?: 'normal' | 'large' }) {
  const { t } = useTranslation();
  return (
    <div className={`room-join room-join--${size}`} data-testid="room-join">
      <QrCode qr={join.qr} label={t('room.panel.scan')} size={size === 'large' ? 360 : 200} />
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
