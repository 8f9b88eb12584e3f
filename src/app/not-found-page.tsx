import { CenteredCard } from '@/components/layouts/centered-card'
import { paths } from '@/config/paths'
import { Link } from '@/lib/router'
import { useDocumentTitle } from '@/lib/use-document-title'

export function NotFoundPage() {
  useDocumentTitle('Page not found')
  return (
    <CenteredCard title="Page not found">
      <p className="text-sm text-muted">There is nothing at this address.</p>
      <Link href={paths.home.build()} className="mt-4 inline-block text-sm font-medium text-accent underline underline-offset-4">
        Go to your tokens
      </Link>
    </CenteredCard>
  )
}
