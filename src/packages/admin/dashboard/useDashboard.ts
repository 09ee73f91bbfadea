// The dashboard's month and building, admin.overview for them (reloaded when the page shows again),
// and the buildings of the compound shown.
import { useState } from 'react'
import { adminApi } from '../../../services/admin'
import { userApi } from '../../../services/user'
import { useResource } from '../../../hooks/useResource'
import { recentMonths } from '@core/time'

export function useDashboard(compoundId: string) {
  const months = recentMonths(new Date())
  const [month, setMonth] = useState(months[0])
  const [buildingId, setBuildingId] = useState('all')
  const overview = useResource(
    () => adminApi.overview({ ...(compoundId ? { compoundId } : {}), month, ...(buildingId !== 'all' ? { buildingId } : {}) }),
    [compoundId, month, buildingId],
    { refreshOnShow: true },
  )
  // the buildings of the compound shown (an officer without ?compoundId= gets the first in scope)
  const shown = compoundId || overview.data?.compoundId || ''
  const directory = useResource(() => userApi.directory(shown ? { compoundId: shown } : {}), [shown])
  return { months, month, setMonth, buildingId, setBuildingId, buildings: directory.data?.buildings ?? [], overview }
}
