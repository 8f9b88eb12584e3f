import { CenteredCard } from '@/components/ui/centered-card'
import { Link } from './router'

export function NotFoundPage() {
  return (
    <CenteredCard title="Page not found">
      <p className="text-sm text-muted">There is nothing at this address.</p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-accent underline underline-offset-4">
        Go to your tokens
      </Link>
    </CenteredCard>
  )
}
