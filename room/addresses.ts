/**
 * Which address to advertise. A laptop in a meeting room has Wi-Fi or
 * Ethernet, often a VPN and virtual adapters (Docker, Hyper-V, VirtualBox)
 * whose addresses a phone can never reach. Physical ones come first, virtual
 * and link-local ones last; the facilitator can pick another.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { AddressChoice } from '../shared/room-protocol';

type Kind = AddressChoice['kind'];

const VIRTUAL = /docker|veth|^br-|virbr|vmnet|vbox|virtualbox|vmware|hyper-v|vethernet|wsl|^tun|^tap|utun|^wg|wireguard|^ppp|tailscale|^zt|zerotier|nordlynx|vpn|anyconnect|cisco|fortinet|gpd|pangp|ipsec|^awdl|^llw|^bridge|^lxc|^lxd|^cni|flannel|^kube|^ham/i;
const WIFI = /^wl|wi-?fi|wlan|wireless|airport/i;
const ETHERNET = /^eth|^en[ops]|^enx|ethernet|^lan/i;

const ORDER: readonly Kind[] = ['wifi', 'ethernet', 'other', 'virtual', 'linkLocal', 'loopback'];

export function classifyAddress(interfaceName: string, info: Pick<NetworkInterfaceInfo, 'address' | 'internal'>): Kind {
  if (info.internal || info.address.startsWith('127.')) return 'loopback';
  if (info.address.startsWith('169.254.')) return 'linkLocal';
  if (VIRTUAL.test(interfaceName)) return 'virtual';
  if (WIFI.test(interfaceName)) return 'wifi';
  // macOS names both en0 (usually Wi-Fi) and en1…; either is a physical adapter.
  if (ETHERNET.test(interfaceName) || /^en\d+$/.test(interfaceName)) return 'ethernet';
  return 'other';
}

/** IPv4 addresses of the machine, ranked; loopback left out (a phone can't use it). */
export function rankAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): AddressChoice[] {
  const choices: AddressChoice[] = [];
  for (const [interfaceName, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      // Phones type and scan IPv4 addresses; IPv6 link-local addresses need a zone and confuse everyone.
      if (info.family !== 'IPv4') continue;
      const kind = classifyAddress(interfaceName, info);
      if (kind === 'loopback') continue;
      choices.push({ address: info.address, interfaceName, kind });
    }
  }
  return choices.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}

export function listAddresses(): AddressChoice[] {
  return rankAddresses(networkInterfaces());
}
