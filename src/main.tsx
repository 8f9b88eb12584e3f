import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RootErrorBoundary } from '@/components/layouts/root-error-boundary'
import { App } from './app/app'
import { restoreWaitingParams } from '@/lib/router'
import { preloadRoute } from './app/preload'
import { createQueryClient } from './app/query-client'
import './index.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
restoreWaitingParams()
const queryClient = createQueryClient()
// Before the first render: the route's code and data are on their way while React starts.
preloadRoute(queryClient, window.location.pathname)
createRoot(root).render(
  <StrictMode>
    <RootErrorBoundary>
      <App queryClient={queryClient} />
    </RootErrorBoundary>
  </StrictMode>,
)
